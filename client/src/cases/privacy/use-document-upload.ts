import { useRef, useState, type FormEvent } from 'react';
import type { ConsentCategory } from '@uitstroom/shared';
import { useUploadDocument } from './documents-api';
import { checkBeforeUpload, placeServerError, type UploadFieldErrors } from './document-upload';

/**
 * The upload form's state: the chosen category, the messages at the fields and above the button,
 * the notice after a file went, and the submit that checks first and focuses the first error.
 */
export function useDocumentUpload(caseId: string) {
  const upload = useUploadDocument(caseId);
  const fileInput = useRef<HTMLInputElement>(null);
  const categorySelect = useRef<HTMLSelectElement>(null);
  const [category, setCategory] = useState<ConsentCategory | ''>('');
  const [errors, setErrors] = useState<UploadFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  function focusFirst(found: UploadFieldErrors) {
    if (found.file) fileInput.current?.focus();
    else if (found.category) categorySelect.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const file = fileInput.current?.files?.[0];
    const found = checkBeforeUpload(file, category);
    setErrors(found);
    if (found.file || found.category || !file || !category) {
      focusFirst(found);
      return;
    }
    setIsSending(true);
    try {
      const document = await upload.mutateAsync({ file, category });
      setNotice(`${document.filename} is toegevoegd.`);
      setCategory('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      const placed = placeServerError(error);
      setErrors(placed.fields);
      setFailure(placed.message);
      focusFirst(placed.fields);
    } finally {
      setIsSending(false);
    }
  }

  return {
    fileInput,
    categorySelect,
    category,
    errors,
    failure,
    notice,
    isSending,
    submit,
    /** Another file was chosen: its old message and the last notice go. */
    changeFile: () => {
      setErrors((current) => ({ ...current, file: undefined }));
      setNotice(null);
    },
    changeCategory: (chosen: ConsentCategory | '') => {
      setCategory(chosen);
      setErrors((current) => ({ ...current, category: undefined }));
    },
  };
}
