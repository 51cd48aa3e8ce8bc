import { useState } from 'react';
import { Button } from '@utrecht/component-library-react';
import { transitions, type Dwelling, type PlacementView } from '@uitstroom/shared';
import { ConfirmDialog } from '../core/ConfirmDialog';
import { ApiError } from '../core/api';
import { messageOf } from '../core/messages';
import { makeOffer, usePlacementStep } from './placement-api';
import { NeighbourhoodLoadNote, useNeighbourhoodLoad } from './NeighbourhoodLoadNote';
import { FailureAlert } from '../core/FailureAlert';

/**
 * Why an offer was not made, fitting the code: another offer was first for this case (the server
 * names the corporation, or says it was a colleague), so this one cannot follow; any other refusal
 * (the dwelling offered elsewhere a moment ago, a stale page) is the server's own Dutch message.
 */
function offerRefusal(error: unknown): string {
  if (error instanceof ApiError && error.code === 'OFFER_TAKEN')
    return `${error.message} Uw aanbod is niet gedaan: een casus krijgt één woningaanbod tegelijk.`;
  return messageOf(error, 'Het aanbod is niet gelukt. Probeer het opnieuw.');
}

/**
 * "Woning aanbieden" beside one of the corporation's fitting dwellings, with the load of its
 * neighbourhood. Another corporation (or a colleague) may have been a moment faster: the server's
 * 409 says so in Dutch, right here.
 */
export function OfferThisDwelling({
  caseId,
  caseVersion,
  dwelling,
  municipalityName,
  onOffered,
}: {
  caseId: string;
  caseVersion: number;
  dwelling: Dwelling;
  municipalityName: string;
  onOffered(placement: PlacementView): void;
}) {
  const load = useNeighbourhoodLoad(dwelling.municipalityCode, dwelling.neighbourhood);
  const [failure, setFailure] = useState<string | null>(null);
  const [isAsking, setIsAsking] = useState(false);
  const write = usePlacementStep(caseId, makeOffer);
  const offer = async () => {
    setFailure(null);
    try {
      onOffered(await write.mutateAsync({ caseVersion, dwellingId: dwelling.id }));
    } catch (error) {
      setFailure(offerRefusal(error));
    }
  };
  return (
    <div className="placement-offer-action">
      {load && <NeighbourhoodLoadNote load={load} municipalityName={municipalityName} />}
      <FailureAlert failure={failure} />
      <Button
        type="button"
        appearance="primary-action-button"
        disabled={write.isPending}
        onClick={() => setIsAsking(true)}
      >
        Deze woning aanbieden
        <span className="visually-hidden">
          : {dwelling.street} {dwelling.houseNumber}
        </span>
      </Button>
      {isAsking && (
        <ConfirmDialog
          id={`aanbieden-${dwelling.id}`}
          title={`${dwelling.street} ${dwelling.houseNumber} aanbieden`}
          consequence={transitions.offerDwelling.consequence}
          confirmLabel="Woning aanbieden"
          onClose={() => setIsAsking(false)}
          onConfirm={async () => {
            await offer();
            setIsAsking(false);
          }}
        />
      )}
    </div>
  );
}
