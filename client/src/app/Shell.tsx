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
import { seatLabel } from '@uitstroom/shared';
import { useCan, useMe, useSession } from '../core/session';
import { LiveConnection } from '../live/LiveConnection';
import { NotificationBell } from '../notifications/NotificationBell';
import { TasksNavLink } from '../tasks/TasksNavLink';
import { invalidateNotifications } from '../notifications/notifications-api';

/** The frame of every signed-in page: who you are, where you can go, and the page itself. */
export function Shell() {
  const me = useMe();
  const { signOut } = useSession();
  const can = useCan();
  const menu = useFoldingMenu();
  const mainRef = useFocusableScrollBoxes();
  useRefetchCountsOnNavigation();
  return (
    <div className="shell">
      <LiveConnection />
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
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
          {can('case:list') && (
            <li>
              <NavLink to="/casussen">Mijn casussen</NavLink>
            </li>
          )}
          {can('table:read') && (
            <li>
              <NavLink to="/tafels">Tafels</NavLink>
            </li>
          )}
          {can('dwelling:read') && (
            <li>
              <NavLink to="/woningen">Woningen</NavLink>
            </li>
          )}
          {can('contingent:read') && (
            <li>
              <NavLink to="/contingenten">Contingenten</NavLink>
            </li>
          )}
          {can('indicator:read') && (
            <li>
              <NavLink to="/indicatoren">Indicatoren</NavLink>
            </li>
          )}
          {can('user:read') && (
            <li>
              <NavLink to="/beheer/gebruikers">Organisaties en gebruikers</NavLink>
            </li>
          )}
          {can('ruleSet:update') && (
            <li>
              <NavLink to="/regio/instellingen">Regio-instellingen</NavLink>
            </li>
          )}
          {can('import:run') && (
            <li>
              <NavLink to="/beheer/inlezen">Gegevens inlezen</NavLink>
            </li>
          )}
          {can('audit:search') && (
            <li>
              <NavLink to="/beheer/audit">Auditlog</NavLink>
            </li>
          )}
          {can('case:erase') && (
            <li>
              <NavLink to="/beheer/bewaartermijnen">Bewaartermijnen</NavLink>
            </li>
          )}
          {can('apiToken:manage') && (
            <li>
              <NavLink to="/beheer/koppelingen">Koppelingen</NavLink>
            </li>
          )}
          {can('outbox:read') && (
            <li>
              <NavLink to="/beheer/postvak">Demo-postvak</NavLink>
            </li>
          )}
          {can('organisation:settings') && (
            <li>
              <NavLink to="/organisatie">Organisatie-instellingen</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/herkomstregel">Zo werkt de herkomstregel</NavLink>
          </li>
        </ul>
      </nav>
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
