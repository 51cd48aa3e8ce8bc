import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink, NavLink, Outlet, useLocation } from 'react-router';
import {
  Button,
  Heading,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { seatLabel, type Permission } from '@uitstroom/shared';
import { useCan, useMe, useSession } from '../core/session';
import { LiveConnection } from '../live/LiveConnection';
import { NotificationBell } from '../notifications/NotificationBell';
import { TasksNavLink } from '../tasks/TasksNavLink';
import { invalidateNotifications } from '../notifications';

/** The frame of every signed-in page: who you are, where you can go, and the page itself. */
export function Shell() {
  const mainRef = useFocusableScrollBoxes();
  useRefetchCountsOnNavigation();
  return (
    <div className="shell">
      <LiveConnection />
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <ShellHeader />
      <MainMenu />
      <main id="inhoud" className="shell__main" tabIndex={-1} ref={mainRef}>
        <Outlet />
      </main>
      <PageFooter className="shell__footer">
        <Heading level={2} className="visually-hidden">
          Over deze toepassing
        </Heading>
        <Paragraph>
          Uitstroomtafel · open source · persoonsgegevens worden alleen getoond voor zover uw rol
          dat nodig heeft, en elke inzage wordt gelogd.
        </Paragraph>
      </PageFooter>
    </div>
  );
}

/** The name of the app, the notifications, and who is signed in. */
function ShellHeader() {
  const me = useMe();
  const { signOut } = useSession();
  return (
    <PageHeader className="shell__header">
      <div className="shell__brand">
        <span className="shell__logo" aria-hidden="true">
          ⌂
        </span>
        <span>Uitstroomtafel</span>
      </div>
      <NotificationBell />
      <section className="shell__user" aria-label="Ingelogd als">
        <Paragraph className="shell__user-name">{me.user.displayName}</Paragraph>
        <Paragraph className="shell__user-seat">
          {seatLabel[me.seat]} · {me.organisation.name} · regio {me.region.name}
        </Paragraph>
        <Paragraph className="shell__user-links">
          <RouterLink to="/account">Mijn account</RouterLink>
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={() => void signOut()}>
          Uitloggen
        </Button>
      </section>
    </PageHeader>
  );
}

/** The main menu, in its order: a link shows when the seat's grants allow its page. */
const menuLinks: readonly { to: string; label: string; permission: Permission | null }[] = [
  { to: '/casussen', label: 'Mijn casussen', permission: 'case:list' },
  { to: '/tafels', label: 'Tafels', permission: 'table:read' },
  { to: '/woningen', label: 'Woningen', permission: 'dwelling:read' },
  { to: '/contingenten', label: 'Contingenten', permission: 'contingent:read' },
  { to: '/indicatoren', label: 'Indicatoren', permission: 'indicator:read' },
  { to: '/beheer/gebruikers', label: 'Organisaties en gebruikers', permission: 'user:read' },
  { to: '/regio/instellingen', label: 'Regio-instellingen', permission: 'ruleSet:update' },
  { to: '/beheer/inlezen', label: 'Gegevens inlezen', permission: 'import:run' },
  { to: '/beheer/audit', label: 'Auditlog', permission: 'audit:search' },
  { to: '/beheer/bewaartermijnen', label: 'Bewaartermijnen', permission: 'case:erase' },
  { to: '/beheer/koppelingen', label: 'Koppelingen', permission: 'apiToken:manage' },
  { to: '/beheer/postvak', label: 'Demo-postvak', permission: 'outbox:read' },
  { to: '/organisatie', label: 'Organisatie-instellingen', permission: 'organisation:settings' },
  { to: '/herkomstregel', label: 'Zo werkt de herkomstregel', permission: null },
];

/** The main menu: "Mijn taken" (with its count) first, then every page the seat may open. */
function MainMenu() {
  const can = useCan();
  const menu = useFoldingMenu();
  return (
    <nav className="shell__nav" aria-label="Hoofdmenu" onKeyDown={menu.onKeyDown}>
      <button
        type="button"
        className="shell__menu-button"
        ref={menu.buttonRef}
        aria-expanded={menu.open}
        aria-controls="hoofdmenu"
        onClick={menu.toggle}
      >
        <span className="shell__menu-icon" aria-hidden="true">
          {menu.open ? '✕' : '☰'}
        </span>{' '}
        Menu
      </button>
      <ul
        id="hoofdmenu"
        ref={menu.listRef}
        className={menu.open ? 'shell__menu shell__menu--open' : 'shell__menu'}
      >
        {can('case:list') && (
          <li>
            <TasksNavLink />
          </li>
        )}
        {menuLinks
          .filter((link) => link.permission === null || can(link.permission))
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to}>{link.label}</NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/**
 * On a small screen the main menu folds behind a "Menu" button (the stylesheet hides the button on
 * a wide screen, where the list always shows). Opening moves the focus to the first link; Escape
 * closes and gives the focus back to the button; following a link closes the menu.
 */
function useFoldingMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  return {
    open,
    buttonRef,
    listRef,
    toggle() {
      const opening = !open;
      setOpen(opening);
      if (opening) requestAnimationFrame(() => listRef.current?.querySelector('a')?.focus());
    },
    onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !open) return;
      setOpen(false);
      buttonRef.current?.focus();
    },
  };
}

/**
 * A table wider than a small screen scrolls inside its own box (see app.css); a box that scrolls
 * and holds nothing focusable gets a tab stop, so that it can be scrolled with the keyboard.
 */
function useFocusableScrollBoxes() {
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const mark = () => {
      for (const table of main.querySelectorAll('table')) {
        const scrolls = table.scrollWidth > table.clientWidth + 1;
        if (scrolls && !table.hasAttribute('tabindex')) table.tabIndex = 0;
        if (!scrolls && table.getAttribute('tabindex') === '0') table.removeAttribute('tabindex');
      }
    };
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(mark);
    };
    const mutations = new MutationObserver(later);
    mutations.observe(main, { childList: true, subtree: true });
    window.addEventListener('resize', later);
    later();
    return () => {
      cancelAnimationFrame(frame);
      mutations.disconnect();
      window.removeEventListener('resize', later);
    };
  }, []);
  return mainRef;
}

/**
 * The counts in the header (notifications, tasks) are read again after every move to another page:
 * a step taken elsewhere ends a task; without the live layer, navigating is enough to catch up.
 * The path, not the whole location: filters typed into a page's query string are not a new page.
 */
function useRefetchCountsOnNavigation() {
  const { pathname } = useLocation();
  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    void invalidateNotifications();
  }, [pathname]);
}
