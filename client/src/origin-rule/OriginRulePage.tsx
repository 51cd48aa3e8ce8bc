import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { OriginRuleExplanation } from './OriginRuleExplanation';
import { ProposalPanel } from './ProposalPanel';
import { TryoutForm } from './TryoutForm';
import { initialTryoutValues, tryoutExamples } from './tryout-examples';
import { nameMunicipality } from '@uitstroom/shared';
import {
  proposeForForm,
  regionOf,
  todayIsoDate,
  type TryoutField,
  type TryoutResult,
  type TryoutValues,
} from './tryout-form';
import './origin-rule.css';

/**
 * "Zo werkt de herkomstregel": the rule in plain Dutch, and a form on which any signed-in seat
 * tries it. The proposal is computed in the browser by the shared engine, the very function the
 * server uses; nothing is stored and no request is made.
 */
export function OriginRulePage() {
  // The engine takes the reference date as input and reads no clock; a visit spans one day.
  const [referenceDate] = useState(() => todayIsoDate());
  const form = useForm<TryoutValues>({ defaultValues: initialTryoutValues });
  const values = useWatch({ control: form.control }) as TryoutValues;
  const result = useMemo(() => proposeForForm(values, referenceDate), [values, referenceDate]);
  const errors = result.ok ? noErrors : result.errorsByField;

  return (
    <div className="origin-rule">
      <Heading level={1}>Zo werkt de herkomstregel</Heading>
      <Paragraph appearance="lead">
        Een bewoner die klaar is om een 24-uursvoorziening te verlaten, zoals beschermd wonen of de
        maatschappelijke opvang, gaat in principe terug naar de gemeente waar hij of zij vandaan
        komt. Dat is de herkomstregel. Hieronder leest u hoe de regel werkt en wanneer er een
        uitzondering is. Daarna kunt u{' '}
        <a className="utrecht-link" href="#proef">
          de regel zelf uitproberen
        </a>
        .
      </Paragraph>

      <OriginRuleExplanation />

      <section id="proef" className="tryout" aria-labelledby="proef-kop">
        <Heading level={2} id="proef-kop">
          Probeer het zelf
        </Heading>
        <Paragraph>
          Vul een verzonnen casus in. Het voorstel verandert meteen als u iets aanpast. Er wordt
          niets opgeslagen of verstuurd: uw browser rekent het voorstel uit, met dezelfde regel als
          de rest van de Uitstroomtafel.
        </Paragraph>

        <section className="tryout-examples" aria-labelledby="proef-voorbeelden-kop">
          <Heading level={3} id="proef-voorbeelden-kop">
            Begin met een voorbeeld
          </Heading>
          <ul className="tryout-examples__list">
            {tryoutExamples.map((example) => (
              <li key={example.id} className="tryout-examples__item">
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  aria-describedby={`voorbeeld-${example.id}`}
                  onClick={() => form.reset(example.values)}
                >
                  {example.title}
                </Button>
                <Paragraph id={`voorbeeld-${example.id}`} className="tryout-examples__summary">
                  {example.summary}
                </Paragraph>
              </li>
            ))}
          </ul>
        </section>

        <div className="tryout__workbench">
          <div className="tryout__case">
            <TryoutForm form={form} values={values} errors={errors} referenceDate={referenceDate} />
            <a className="tryout__summary-bar" href="#proef-voorstel">
              {summarize(result, values)}
            </a>
          </div>
          <ProposalPanel result={result} values={values} />
        </div>
      </section>
    </div>
  );
}

const noErrors: ReadonlyMap<TryoutField, string> = new Map();

/** One line for the bar that keeps the proposal in view on a narrow screen. */
function summarize(result: TryoutResult, values: TryoutValues): string {
  if (!result.ok)
    return `Nog geen voorstel: ${result.issues.length === 1 ? '1 punt' : `${result.issues.length} punten`} te verbeteren`;
  const { destination, outcome } = result.proposal;
  if (outcome === 'buiten_regio') return 'Voorstel: verwijzen naar de herkomstregio';
  const where =
    destination === null
      ? 'de tafel kiest'
      : nameMunicipality(destination, regionOf(values).municipalities);
  return `Voorstel: ${where} (${outcome === 'herkomst' ? 'terug naar herkomst' : `uitzondering ${outcome}`})`;
}
