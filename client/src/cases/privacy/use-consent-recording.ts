import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { recordConsentSchema, type Consent } from '@uitstroom/shared';
import { ApiError } from '../../core/api';
import { recordConsent, useConsentWrite } from './consent-api';
import { fileErrorOf, useUploadDocument } from './documents-api';
import {
  emptyConsentValues,
  placeConsentIssues,
  signedFormCategory,
  toConsentRequest,
  type ConsentFormValues,
} from './consent-form';

/**
 * Recording a consent: the signed form goes to the case's documents first (once, also when the
 * consent itself is then refused), then the consent; a refusal shows at its fields or above the button.
 */
export function useConsentRecording(
  caseId: string,
  form: UseFormReturn<ConsentFormValues>,
  onRecorded: (consent: Consent) => void,
) {
  const upload = useUploadDocument(caseId);
  const record = useConsentWrite(caseId);
  const [failure, setFailure] = useState<string | null>(null);
  // The signed form once uploaded: a second try after a refused consent does not add it twice.
  const uploaded = useRef<{ file: File; documentId: string } | null>(null);

  async function uploadSignedForm(values: ConsentFormValues): Promise<string | undefined> {
    const file = values.signedForm?.[0];
    if (values.method !== 'signedForm' || !file) return undefined;
    if (uploaded.current?.file !== file) {
      const document = await upload.mutateAsync({ file, category: signedFormCategory });
      uploaded.current = { file, documentId: document.id };
    }
    return uploaded.current.documentId;
  }

  function showRefusal(error: unknown) {
    const fileError = fileErrorOf(error);
    if (fileError) {
      form.setError('signedForm', { message: fileError }, { shouldFocus: true });
      return;
    }
    const placed = placeConsentIssues(error);
    placed.forEach(({ field, message }, index) =>
      form.setError(field, { message }, { shouldFocus: index === 0 }),
    );
    if (!placed.length)
      setFailure(
        error instanceof ApiError
          ? error.message
          : 'Het vastleggen is niet gelukt. Probeer het opnieuw.',
      );
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const documentId = await uploadSignedForm(values);
      const request = recordConsentSchema.parse(toConsentRequest(values, documentId));
      const consent = await record.mutateAsync(() => recordConsent(caseId, request));
      uploaded.current = null;
      form.reset(emptyConsentValues());
      onRecorded(consent);
    } catch (error) {
      showRefusal(error);
    }
  });
  return { submit, failure };
}
