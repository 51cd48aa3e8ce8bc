import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Paragraph } from '@utrecht/component-library-react';
import { defaultObjectionProcedure, type RuleSetConfig } from '@uitstroom/shared';
import { TextareaField } from '../core/fields';
import { fieldId } from './rule-set-form';

/**
 * The objection procedure each municipality's decision letter names (issue 27.4): its own text,
 * optional; left empty, the letter uses the default, shown under the field with the name filled in.
 */
export function ObjectionProcedures({
  control,
  register,
  errors,
}: {
  control: Control<RuleSetConfig>;
  register: UseFormRegister<RuleSetConfig>;
  errors: FieldErrors<RuleSetConfig>;
}) {
  const rows = useWatch({ control, name: 'municipalities' }) ?? [];
  return (
    <div className="rule-set-objections">
      <Paragraph className="rule-set-note">
        De besluitbrief aan de bewoner noemt de bezwaarprocedure van de gemeente van bestemming.
        Laat een veld leeg voor de standaardtekst.
      </Paragraph>
      {rows.map((row, index) => {
        const name = row?.name?.trim() || `gemeente ${index + 1}`;
        const path = `municipalities.${index}.objectionProcedure` as const;
        return (
          <TextareaField
            key={`${row?.code ?? ''}-${index}`}
            id={fieldId(path)}
            label={`Bezwaarprocedure ${name}`}
            rows={3}
            description={`Standaard: ${defaultObjectionProcedure(name)}`}
            error={errors.municipalities?.[index]?.objectionProcedure?.message}
            {...register(path, {
              setValueAs: (v: unknown) =>
                typeof v === 'string' && v.trim() === '' ? undefined : v,
            })}
          />
        );
      })}
    </div>
  );
}
