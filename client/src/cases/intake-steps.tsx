import {
  useFieldArray,
  useFormState,
  useWatch,
  get,
  type FieldPath,
  type UseFormReturn,
} from 'react-hook-form';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import {
  addressSourceLabel,
  addressSources,
  dwellingTypeLabel,
  dwellingTypes,
  lifeDomainLabel,
  lifeDomains,
  targetGroupLabel,
  targetGroups,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import {
  CheckboxField,
  ChoiceGroup,
  OptionsField,
  TextareaField,
  fieldId,
  optionsOf,
} from '../core/fields';
import { addressKindLabel } from '../core/format';
import { emptyAddress, otherMunicipality, type IntakeValues } from './intake-form';
import type { RegionMunicipalities } from '../core/region';
import { NeighbourhoodChoices } from './NeighbourhoodChoices';

interface StepProps {
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
}

/** The Dutch error at a field, from the form's errors by path. */
function useErrors(form: UseFormReturn<IntakeValues>) {
  const { errors } = useFormState({ control: form.control });
  return (path: FieldPath<IntakeValues>): string | undefined =>
    (get(errors, path) as { message?: string } | undefined)?.message;
}

/** `register` plus the field's fixed id, so that the check list can link to it. */
function useField(form: UseFormReturn<IntakeValues>) {
  const error = useErrors(form);
  return (path: FieldPath<IntakeValues>) => ({
    id: fieldId(path),
    error: error(path),
    ...form.register(path),
  });
}

export function ResidentStep({ form, region, isNew }: StepProps & { isNew: boolean }) {
  const field = useField(form);
  const chosen = useWatch({ control: form.control, name: 'stay.targetGroup' });
  // The region's groups; a group chosen earlier stays visible even if the region dropped it.
  const groups = targetGroups.filter(
    (g) => region.targetGroups.includes(g) || g === chosen || region.targetGroups.length === 0,
  );
  const band = region.youthAgeBand;
  return (
    <>
      {isNew && (
        <Paragraph>
          Met voornaam, achternaam en doelgroep maakt u de aanmelding aan. Daarna wordt alles wat u
          invult vanzelf opgeslagen.
        </Paragraph>
      )}
      <div className="intake-grid">
        <TextField label="Voornaam" autoComplete="off" {...field('identity.firstName')} />
        <TextField label="Achternaam" autoComplete="off" {...field('identity.lastName')} />
      </div>
      <SelectField label="Doelgroep" {...field('stay.targetGroup')}>
        <SelectOption value="">Kies de doelgroep</SelectOption>
        {groups.map((group) => (
          <SelectOption key={group} value={group}>
            {targetGroupLabel[group]}
            {group === 'youthCare' && band ? ` (${band.from} tot ${band.until} jaar)` : ''}
          </SelectOption>
        ))}
      </SelectField>
      <div className="intake-grid">
        <TextField label="Geboortedatum" type="date" {...field('identity.birthDate')} />
        <TextField
          label="BSN (niet verplicht)"
          inputMode="numeric"
          autoComplete="off"
          description="Negen cijfers. Het nummer wordt gecontroleerd met de elfproef."
          {...field('identity.bsn')}
        />
      </div>
      <Heading level={3}>Contact</Heading>
      <div className="intake-grid">
        <TextField
          label="Telefoonnummer"
          type="tel"
          autoComplete="off"
          {...field('contact.phone')}
        />
        <TextField
          label="E-mailadres"
          type="email"
          autoComplete="off"
          {...field('contact.email')}
        />
      </div>
      <TextareaField
        label="Toelichting bij contact"
        description="Bijvoorbeeld: alleen bereikbaar via de persoonlijk begeleider."
        {...field('contact.note')}
      />
      <Heading level={3}>Huishouden</Heading>
      <div className="intake-grid">
        <TextField label="Aantal volwassenen" inputMode="numeric" {...field('household.adults')} />
        <TextField label="Aantal kinderen" inputMode="numeric" {...field('household.children')} />
      </div>
      <TextareaField label="Toelichting bij het huishouden" {...field('household.description')} />
    </>
  );
}

export function StayStep({ form }: StepProps) {
  const field = useField(form);
  const targetGroup = useWatch({ control: form.control, name: 'stay.targetGroup' });
  return (
    <>
      <Paragraph>
        Doelgroep: {targetGroup ? targetGroupLabel[targetGroup] : 'nog niet gekozen'} (te wijzigen
        bij de stap Bewoner).
      </Paragraph>
      <TextField
        label="Voorziening"
        description="Waar de bewoner nu verblijft, bijvoorbeeld: beschermd wonen De Schakel, Lelystad."
        {...field('stay.facility')}
      />
      <TextField
        label="Opnamedatum"
        type="date"
        description="De eerste opname in een 24-uursvoorziening in dit traject. De herkomst is het laatste woonadres daarvóór."
        {...field('stay.admissionDate')}
      />
    </>
  );
}

export function AddressesStep({ form, region }: StepProps) {
  const field = useField(form);
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'addresses' });
  return (
    <>
      <Paragraph>
        De herkomst is de gemeente van het laatste woonadres vóór de opname. Instellingen en
        briefadressen tellen niet mee, maar leg ze wel vast: dan is te zien waarom. Geef bij elk
        adres de bron.
      </Paragraph>
      <CheckboxField
        label="Herkomst niet te achterhalen"
        description="Bijvoorbeeld na een zwervend bestaan vóór de opname. De regel verdeelt dan naar inwoneraantal (uitzondering C)."
        {...field('isOriginUntraceable')}
      />
      {fields.length === 0 && (
        <Paragraph className="intake-empty">Nog geen adressen vastgelegd.</Paragraph>
      )}
      <ol className="intake-rows" aria-label="Adressen">
        {fields.map((row, index) => (
          <li key={row.id}>
            <AddressRow form={form} region={region} index={index} onRemove={() => remove(index)} />
          </li>
        ))}
      </ol>
      <Button
        type="button"
        appearance="secondary-action-button"
        onClick={() => append(emptyAddress())}
        disabled={fields.length >= 50}
      >
        Adres toevoegen
      </Button>
    </>
  );
}

interface AddressRowProps extends StepProps {
  index: number;
}

/** One address of the history, with the button that takes it out. */
function AddressRow({ form, region, index, onRemove }: AddressRowProps & { onRemove(): void }) {
  const field = useField(form);
  return (
    <Fieldset className="intake-row">
      <FieldsetLegend>Adres {index + 1}</FieldsetLegend>
      <div className="intake-grid">
        <AddressMunicipalityFields form={form} region={region} index={index} />
        <SelectField label="Soort adres" {...field(`addresses.${index}.kind`)}>
          <SelectOption value="">Kies de soort</SelectOption>
          {(['woonadres', 'instelling', 'briefadres'] as const).map((kind) => (
            <SelectOption key={kind} value={kind}>
              {addressKindLabel[kind]}
            </SelectOption>
          ))}
        </SelectField>
        <OptionsField
          label="Bron"
          {...field(`addresses.${index}.source`)}
          placeholder="Kies de bron"
          options={optionsOf(addressSources, addressSourceLabel)}
        />
        <TextField label="Vanaf" type="date" {...field(`addresses.${index}.from`)} />
        <TextField
          label="Tot (leeg als het nog loopt)"
          type="date"
          {...field(`addresses.${index}.to`)}
        />
        <TextField
          label="Straat en huisnummer (niet verplicht)"
          autoComplete="off"
          {...field(`addresses.${index}.street`)}
        />
      </div>
      <Button
        type="button"
        appearance="secondary-action-button"
        className="intake-row__remove"
        onClick={onRemove}
      >
        Adres {index + 1} verwijderen
      </Button>
    </Fieldset>
  );
}

/**
 * The municipality of an address: one of the region's, or another by its CBS code. The error of
 * the municipality shows at the code field when the code is what is typed.
 */
function AddressMunicipalityFields({ form, region, index }: AddressRowProps) {
  const field = useField(form);
  const error = useErrors(form);
  const isOther =
    useWatch({ control: form.control, name: `addresses.${index}.municipality` }) ===
    otherMunicipality;
  const municipalityError = error(`addresses.${index}.municipality`);
  return (
    <>
      <SelectField
        label="Gemeente"
        {...field(`addresses.${index}.municipality`)}
        error={isOther ? undefined : municipalityError}
      >
        <SelectOption value="">Kies een gemeente</SelectOption>
        {region.municipalities.map((m) => (
          <SelectOption key={m.code} value={m.code}>
            {m.name}
          </SelectOption>
        ))}
        <SelectOption value={otherMunicipality}>Andere gemeente (CBS-code)</SelectOption>
      </SelectField>
      {isOther && (
        <TextField
          label="CBS-code van de gemeente"
          description="GM en vier cijfers, bijvoorbeeld GM0363 voor Amsterdam."
          {...field(`addresses.${index}.otherCode`)}
          error={municipalityError}
        />
      )}
    </>
  );
}

export function WishesStep({ form, region }: StepProps) {
  const field = useField(form);
  const { fields, append, remove, move } = useFieldArray({
    control: form.control,
    name: 'wishes.municipalities',
  });
  return (
    <>
      <Paragraph>
        De wensen van de bewoner staan op de casuspagina altijd naast het voorstel van de
        herkomstregel.
      </Paragraph>
      <Fieldset className="intake-wishes">
        <FieldsetLegend>Gemeenten, in volgorde van voorkeur</FieldsetLegend>
        {fields.length === 0 && (
          <Paragraph className="intake-empty">Nog geen gemeente gekozen.</Paragraph>
        )}
        <OrderedList className="intake-wish-list">
          {fields.map((row, index) => (
            <OrderedListItem key={row.id}>
              <div className="intake-wish">
                <SelectField
                  label={`Voorkeur ${index + 1}`}
                  {...field(`wishes.municipalities.${index}.code`)}
                >
                  <SelectOption value="">Kies een gemeente</SelectOption>
                  {region.municipalities.map((m) => (
                    <SelectOption key={m.code} value={m.code}>
                      {m.name}
                    </SelectOption>
                  ))}
                </SelectField>
                {index > 0 && (
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => move(index, index - 1)}
                  >
                    Voorkeur {index + 1} één plaats hoger
                  </Button>
                )}
                <Button type="button" appearance="subtle-button" onClick={() => remove(index)}>
                  Voorkeur {index + 1} verwijderen
                </Button>
              </div>
            </OrderedListItem>
          ))}
        </OrderedList>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => append({ code: '' })}
          disabled={fields.length >= 5}
        >
          Gemeente toevoegen
        </Button>
      </Fieldset>
      <TextareaField
        label="Toelichting bij de wijken (niet verplicht)"
        rows={2}
        description="De wijken zelf kiest u bij de woonbehoeften. Deze toelichting ziet een woningcorporatie niet."
        {...field('wishes.neighbourhoodNote')}
      />
      <OptionsField
        label="Soort woning"
        {...field('wishes.dwellingType')}
        placeholder="Nog niet besproken"
        options={optionsOf(dwellingTypes, dwellingTypeLabel)}
      />
      <TextareaField
        label="In de woorden van de bewoner"
        rows={5}
        description="Schrijf op wat de bewoner zelf zegt over waar en hoe hij of zij wil wonen."
        {...field('wishes.ownWords')}
      />
    </>
  );
}

export function HousingNeedsStep({ form, region }: StepProps) {
  const field = useField(form);
  const error = useErrors(form);
  return (
    <>
      <div className="intake-grid">
        <TextField
          label="Aantal kamers"
          inputMode="numeric"
          description="Slaapkamers en woonkamer samen; 0 voor een studio."
          {...field('housingNeeds.rooms')}
        />
        <TextField
          label="Maximale huur per maand (in euro)"
          inputMode="decimal"
          description="Wat de bewoner kan betalen."
          {...field('housingNeeds.maxRent')}
        />
      </div>
      <ChoiceGroup
        id={fieldId('housingNeeds.groundFloorOrLift')}
        type="radio"
        className="case-choices--inline"
        legend="Begane grond of lift nodig?"
        error={error('housingNeeds.groundFloorOrLift')}
        options={[
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ]}
        registration={form.register('housingNeeds.groundFloorOrLift')}
      />
      <ChoiceGroup
        id={fieldId('housingNeeds.usesWheelchair')}
        type="radio"
        className="case-choices--inline"
        legend="Gebruikt de bewoner een rolstoel?"
        description="Dan is een rolstoeltoegankelijke woning nodig."
        error={error('housingNeeds.usesWheelchair')}
        options={[
          { value: 'ja', label: 'Ja' },
          { value: 'nee', label: 'Nee' },
        ]}
        registration={form.register('housingNeeds.usesWheelchair')}
      />
      <TextField
        label="Gewenste verhuisdatum (niet verplicht)"
        type="date"
        description="Vanaf wanneer de bewoner kan verhuizen."
        {...field('housingNeeds.wishedMoveDate')}
      />
      <TextareaField
        label="Toegankelijkheid"
        description="Bijvoorbeeld: drempelvrij, prikkelarm."
        {...field('housingNeeds.accessibility')}
      />
      <TextField label="Huisdieren" {...field('housingNeeds.pets')} />
      <NeighbourhoodChoices form={form} region={region} list="wishedNeighbourhoods" />
      <NeighbourhoodChoices form={form} region={region} list="avoidedNeighbourhoods" />
    </>
  );
}

export function SupportStep({ form }: StepProps) {
  const field = useField(form);
  return (
    <>
      <Paragraph>
        Wat de bewoner nodig heeft om zelfstandig te wonen, in de vier leefgebieden. Deze punten
        worden de randvoorwaarden van het besluit.
      </Paragraph>
      {lifeDomains.map((domain) => (
        <TextareaField
          key={domain}
          label={lifeDomainLabel[domain]}
          {...field(`supportNeeds.${domain}`)}
        />
      ))}
    </>
  );
}

export function SensitiveStep({
  form,
  organisationName,
}: StepProps & { organisationName: string }) {
  const field = useField(form);
  return (
    <>
      <Alert type="info" className="intake-privacy">
        <Heading level={3}>Wie ziet dit?</Heading>
        <Paragraph>
          Alleen de casemanagers van {organisationName}. De voorzitter van de tafel, de gemeenten,
          de woningcorporaties en de zorgaanbieders zien dit onderdeel niet. Elke inzage wordt
          vastgelegd.
        </Paragraph>
      </Alert>
      <TextareaField label="Diagnoses" {...field('sensitive.diagnoses')} />
      <TextareaField label="Verslaving" {...field('sensitive.addiction')} />
      <TextareaField label="Risico’s" {...field('sensitive.risks')} />
      <TextareaField
        label="Veiligheid en huiselijk geweld"
        description="Bijvoorbeeld een onveilig netwerk in de herkomstgemeente."
        {...field('sensitive.safety')}
      />
    </>
  );
}
