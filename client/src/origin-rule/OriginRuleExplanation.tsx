import {
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';

/** The rule and its exceptions in plain Dutch (B1), for a municipal officer or a support worker. */
export function OriginRuleExplanation() {
  return (
    <div className="origin-rule__explanation">
      <TheRule />

      <TheExceptions />

      <OutsideTheRegion />

      <AtTheTable />
    </div>
  );
}

function TheRule() {
  return (
    <section aria-labelledby="uitleg-regel">
      <Heading level={2} id="uitleg-regel">
        De regel: terug naar de gemeente van herkomst
      </Heading>
      <Paragraph>
        De gemeente van herkomst is de gemeente van het{' '}
        <strong>laatste woonadres vóór de eerste opname</strong> in een 24-uursvoorziening.
      </Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          Alleen een woonadres telt: een adres waar de bewoner echt woonde.
        </UnorderedListItem>
        <UnorderedListItem>
          Een instelling telt niet mee, ook niet als de bewoner daar lang verbleef.
        </UnorderedListItem>
        <UnorderedListItem>
          Een briefadres telt niet mee. Daar krijgt iemand alleen post.
        </UnorderedListItem>
        <UnorderedListItem>
          Een woonadres dat pas begint op de dag van de opname of later, telt ook niet mee.
        </UnorderedListItem>
      </UnorderedList>
    </section>
  );
}

function TheExceptions() {
  return (
    <section aria-labelledby="uitleg-uitzonderingen">
      <Heading level={2} id="uitleg-uitzonderingen">
        De uitzonderingen
      </Heading>
      <Paragraph>
        Soms is terug naar de gemeente van herkomst niet de beste keuze. Dan geldt een van deze
        uitzonderingen. Gelden er meer tegelijk? Dan gaat D voor B, en B voor A.
      </Paragraph>

      <Heading level={3}>A. Belemmeringen in de herkomstgemeente</Heading>
      <Paragraph>
        In de gemeente van herkomst is iets wat het herstel in de weg staat, bijvoorbeeld een
        onveilig netwerk of huiselijk geweld. De bewoner gaat dan <strong>niet</strong> terug naar
        die gemeente. Heeft de bewoner een woonwens voor een andere gemeente in de regio? Dan wordt
        die gemeente de bestemming. Is er geen passende woonwens? Dan beslist de verdeling naar
        inwoneraantal (zie C), zonder de gemeente van herkomst. Schrijf altijd op waarom A geldt.
      </Paragraph>

      <Heading level={3}>B. Betere kansen elders</Heading>
      <Paragraph>
        In een andere gemeente is iets wat beter helpt bij het herstel: een steunend netwerk, zoals
        familie of vrienden, of een vaste daginvulling, zoals werk of dagbesteding. De bewoner gaat
        dan naar die gemeente. Maar alleen als de bewoner dit <strong>niet</strong> kan bereizen
        vanuit de gemeente van herkomst. Kan de bewoner er wel heen reizen? Dan geldt B niet, en
        blijft de gemeente van herkomst de bestemming. Schrijf altijd een motivering op.
      </Paragraph>

      <Heading level={3}>C. Herkomst niet te vinden</Heading>
      <Paragraph>
        Soms is er geen woonadres van vóór de opname, bijvoorbeeld omdat iemand zwierf. Dan verdelen
        de gemeenten van de regio deze bewoners naar inwoneraantal: een grote gemeente neemt meer
        bewoners op dan een kleine. Zo kiest de regel de gemeente:
      </Paragraph>
      <OrderedList>
        <OrderedListItem>
          Neem het aandeel van de gemeente in de inwoners van de hele regio. Almere heeft
          bijvoorbeeld ongeveer de helft van de inwoners van Flevoland.
        </OrderedListItem>
        <OrderedListItem>
          Tel hoeveel bewoners de regio in deze periode al door verdeling heeft geplaatst. Tel daar
          1 bij op: de nieuwe bewoner.
        </OrderedListItem>
        <OrderedListItem>
          Vermenigvuldig het aandeel met dat aantal. Zoveel bewoners hoort de gemeente nu te hebben.
        </OrderedListItem>
        <OrderedListItem>
          Trek daar af hoeveel bewoners de gemeente al kreeg. Wat overblijft, is het tekort.
        </OrderedListItem>
        <OrderedListItem>
          De gemeente met het grootste tekort krijgt de bewoner. Zijn twee tekorten gelijk? Dan gaat
          de gemeente met de meeste inwoners voor.
        </OrderedListItem>
      </OrderedList>
      <Paragraph>
        Gemeenten die voor deze bewoner zijn uitgesloten, bijvoorbeeld om de veiligheid, doen niet
        mee. De woonwens beslist bij C niet, maar de tafel ziet hem wel.
      </Paragraph>

      <Heading level={3}>D. Anders echt niet passend</Heading>
      <Paragraph>
        Soms past terugkeer om een andere reden echt niet, en helpen A, B en C niet. Dan kan de
        tafel uitzondering D gebruiken en zelf een gemeente in de regio kiezen. Dat kan alleen met
        een schriftelijke motivering.
      </Paragraph>
    </section>
  );
}

function OutsideTheRegion() {
  return (
    <section aria-labelledby="uitleg-buiten-regio">
      <Heading level={2} id="uitleg-buiten-regio">
        Herkomst buiten de regio
      </Heading>
      <Paragraph>
        Lag het laatste woonadres in een gemeente buiten de regio? Dan kiest deze regio geen
        gemeente. De tafel verwijst de casus naar de regio van herkomst. Dat is anders als
        uitzondering A, B of D geldt.
      </Paragraph>
    </section>
  );
}

function AtTheTable() {
  return (
    <section aria-labelledby="uitleg-tafel">
      <Heading level={2} id="uitleg-tafel">
        De regel stelt voor, de tafel beslist
      </Heading>
      <Paragraph>
        De regel doet een voorstel, met de redenen erbij in gewone taal. De uitstroomtafel neemt het
        besluit. Wijkt de tafel af van het voorstel, of past de tafel A, B of D toe? Dan schrijft de
        tafel op waarom. De woonwens van de bewoner wordt altijd vastgelegd en naast het voorstel
        getoond, ook als de regel een andere gemeente voorstelt.
      </Paragraph>
    </section>
  );
}
