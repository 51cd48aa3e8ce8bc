import { Link as RouterLink } from 'react-router';
import { Button, Paragraph } from '@utrecht/component-library-react';
import './pager.css';

/**
 * One pager for every list. A list whose page lives in the URL passes `linkTo` (links, so a page can
 * be bookmarked and opened in a new tab); a list that reloads in place passes `onPage` (buttons).
 * Shown only when there is more than one page.
 */
export function Pager({
  page,
  pages,
  linkTo,
  onPage,
}: {
  page: number;
  pages: number;
  linkTo?: (page: number) => string;
  onPage?: (page: number) => void;
}) {
  if (pages <= 1) return null;
  const step = (target: number, label: string, enabled: boolean) => {
    if (linkTo)
      return enabled ? (
        <RouterLink className="utrecht-link" to={linkTo(target)}>
          {label}
        </RouterLink>
      ) : (
        <span aria-hidden="true" />
      );
    return (
      <Button
        type="button"
        appearance="secondary-action-button"
        disabled={!enabled}
        onClick={() => onPage?.(target)}
      >
        {label}
      </Button>
    );
  };
  return (
    <nav aria-label="Paginering" className="pager">
      {step(page - 1, 'Vorige pagina', page > 1)}
      <Paragraph aria-current="page">
        Pagina {page} van {pages}
      </Paragraph>
      {step(page + 1, 'Volgende pagina', page < pages)}
    </nav>
  );
}
