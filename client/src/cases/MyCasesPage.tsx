import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMe } from '../auth/session';

export function MyCasesPage() {
  const me = useMe();
  return (
    <>
      <Heading level={1}>Mijn casussen</Heading>
      <div className="empty-state" role="status">
        <Heading level={2}>Nog geen casussen</Heading>
        <Paragraph>
          {me.seat === 'casemanager'
            ? 'Hier verschijnen de bewoners die u aanmeldt voor de uitstroomtafel.'
            : 'Hier verschijnen de casussen die uw organisatie aangaan.'}
        </Paragraph>
      </div>
    </>
  );
}
