import { isWorkingDay } from '@jishi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../platform/calendar.js';
import { actorWith, buildTree, client, createHarness, type Harness, type TestTree } from '../../test/harness.js';

let h: Harness;
let t: TestTree;
let sysadmin: ReturnType<typeof client>;
let admin: ReturnType<typeof client>;
beforeAll(async () => {
  h = await createHarness();
  t = await buildTree(h);
  sysadmin = client(h, (await actorWith(h, [{ role: 'sysadmin', orgId: t.city }])).cookie);
  admin = client(h, (await actorWith(h, [{ role: 'org_admin', orgId: t.city }])).cookie);
});
afterAll(() => h.close());

describe('the business calendar as data (working-day deadlines)', () => {
  it('shows a shipped year: 国庆 off, the 调休 Saturday worked', async () => {
    const y = await admin.get('/api/v1/settings/calendar?year=2026');
    expect(y.status).toBe(200);
    expect(y.body.shipped).toBe(true);
    expect(y.body.items).toContainEqual({ date: '2026-10-10', kind: 'workday', name: null, source: 'shipped' });
    expect(y.body.items).toContainEqual({ date: '2026-10-05', kind: 'holiday', name: null, source: 'shipped' });
  });

  it('the system administrator adds a later year’s days; the engine’s calendar counts them; removing restores', async () => {
    expect(isWorkingDay(await loadCalendar(h.deps.db), '2027-01-01')).toBe(true);
    const put = await sysadmin.put('/api/v1/settings/calendar/days', { date: '2027-01-01', kind: 'holiday', name: '元旦' });
    expect(put.status).toBe(200);
    expect((await sysadmin.put('/api/v1/settings/calendar/days', { date: '2027-02-20', kind: 'workday', name: '春节调休' })).status).toBe(
      200,
    );
    const y = await admin.get('/api/v1/settings/calendar?year=2027');
    expect(y.body).toMatchObject({ shipped: false });
    expect(y.body.items).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'added' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休', source: 'added' },
    ]);
    const cal = await loadCalendar(h.deps.db);
    expect(isWorkingDay(cal, '2027-01-01')).toBe(false);
    expect(isWorkingDay(cal, '2027-02-20')).toBe(true); // a Saturday
    expect((await sysadmin.delete('/api/v1/settings/calendar/days/2027-01-01')).status).toBe(200);
    expect(isWorkingDay(await loadCalendar(h.deps.db), '2027-01-01')).toBe(true);
  });

  it('refuses a business admin, a kind that is not one, and removing a day never added', async () => {
    expect((await admin.put('/api/v1/settings/calendar/days', { date: '2027-05-01', kind: 'holiday', name: '劳动节' })).status).toBe(403);
    const bad = await sysadmin.put('/api/v1/settings/calendar/days', { date: '2027-05-01', kind: 'rest', name: '劳动节' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('holiday');
    const gone = await sysadmin.delete('/api/v1/settings/calendar/days/2027-06-01');
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toContain('2027-06-01');
  });
});
