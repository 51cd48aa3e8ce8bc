import { Link as RouterLink, NavLink, Outlet } from 'react-router';
import { Button, Heading, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { isGranted, seatLabel } from '@uitstroom/shared';
import { useMe, useSession } from '../auth/session';
import { LiveConnection } from '../live/LiveConnection';
import { NotificationBell } from '../notifications/NotificationBell';
import { TasksNavLink } from '../tasks/TasksNavLink';

/** The frame of every signed-in page: who you are, where you can go, and the page itself. */
export function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  return (
    <div className="shell">
      <LiveConnection />
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <PageHeader className="shell__header">
        <div className="shell__brand">
          <span className="shell__logo" aria-hidden="true">⌂</span>
          <span>Uitstroomtafel</span>
        </div>
        <NotificationBell />
        <section className="shell__user" aria-label="Ingelogd als">
          <Paragraph className="shell__user-name">{me.user.displayName}</Paragraph>
          <Paragraph className="shell__user-seat">
            {seatLabel[me.seat]} · {me.organisation.name} · regio {me.region.name}
          </Paragraph>
          <Paragraph className="shell__user-links"><RouterLink to="/account">Mijn account</RouterLink></Paragraph>
          <Button appearance="secondary-action-button" onClick={() => void signOut()}>Uitloggen</Button>
        </section>
      </PageHeader>
      <nav className="shell__nav" aria-label="Hoofdmenu">
        <ul>
          {me.seat !== 'regionAdmin' && <li><TasksNavLink /></li>}
          {me.seat !== 'regionAdmin' && <li><NavLink to="/casussen">Mijn casussen</NavLink></li>}
          {me.seat !== 'regionAdmin' && <li><NavLink to="/tafels">Tafels</NavLink></li>}
          {me.seat === 'corporation' && <li><NavLink to="/woningen">Woningen</NavLink></li>}
          {['corporation', 'municipality', 'chair', 'regionAdmin'].includes(me.seat) && <li><NavLink to="/contingenten">Contingenten</NavLink></li>}
          {isGranted(me.seat, 'indicator:read') && <li><NavLink to="/indicatoren">Indicatoren</NavLink></li>}
          {me.seat === 'regionAdmin' && <li><NavLink to="/beheer/gebruikers">Organisaties en gebruikers</NavLink></li>}
          {me.seat === 'regionAdmin' && <li><NavLink to="/regio/instellingen">Regio-instellingen</NavLink></li>}
          {me.seat === 'regionAdmin' && <li><NavLink to="/beheer/audit">Auditlog</NavLink></li>}
          {me.seat === 'regionAdmin' && <li><NavLink to="/beheer/bewaartermijnen">Bewaartermijnen</NavLink></li>}
          {me.seat === 'regionAdmin' && <li><NavLink to="/beheer/postvak">Demo-postvak</NavLink></li>}
          <li><NavLink to="/herkomstregel">Zo werkt de herkomstregel</NavLink></li>
        </ul>
      </nav>
      <main id="inhoud" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      <PageFooter className="shell__footer">
        <Heading level={2} className="visually-hidden">Over deze toepassing</Heading>
        <Paragraph>Uitstroomtafel · open source · persoonsgegevens worden alleen getoond voor zover uw rol dat nodig heeft, en elke inzage wordt gelogd.</Paragraph>
      </PageFooter>
    </div>
  );
}
