import { toErrorIssues } from '../validation';
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  updateNotificationPreferencesSchema,
} from './notification.schemas';

describe('the notification list query', () => {
  it('fills the defaults and reads numbers from the query string', () => {
    expect(notificationListQuerySchema.parse({})).toEqual({
      order: 'unreadFirst',
      page: 1,
      pageSize: 20,
    });
    expect(
      notificationListQuerySchema.parse({ order: 'newest', page: '2', pageSize: '100' }),
    ).toEqual({ order: 'newest', page: 2, pageSize: 100 });
  });

  it.each([
    [{ order: 'oldest' }, 'order'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: 'alle' }, 'pageSize'],
    [{ userId: '3f0e8a52-1c4b-4d7e-9a51-6f2b8c0d1e23' }, 'userId'],
  ])('refuses %j at %s', (input, path) => {
    const result = notificationListQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!).map((i) => i.path)).toContain(path);
  });

  it('a notification id is a uuid', () => {
    expect(notificationIdParamsSchema.safeParse({ notificationId: 'abc' }).success).toBe(false);
  });
});

describe('a change of preferences', () => {
  it.each([
    [{}],
    [{ agendaPublished: 'digest' }],
    [
      {
        agendaPublished: 'none',
        decisionConcerns: 'immediately',
        offerToAnswer: 'digest',
        placementToConfirm: 'none',
        preconditionDue: 'digest',
        signal: 'immediately',
      },
    ],
  ])('accepts %j', (input) => {
    expect(updateNotificationPreferencesSchema.parse(input)).toEqual(input);
  });

  it.each([
    [
      { agendaPublished: 'weekly' },
      'agendaPublished',
      'Kies direct, dagelijks overzicht of geen e-mail.',
    ],
    [
      { agendaPublished: null },
      'agendaPublished',
      'Kies direct, dagelijks overzicht of geen e-mail.',
    ],
    [{ newsletter: 'digest' }, 'newsletter', 'Dit veld is onbekend.'],
  ])('refuses %j at %s', (input, path, message) => {
    const result = updateNotificationPreferencesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!)).toContainEqual({ path, message });
  });
});
