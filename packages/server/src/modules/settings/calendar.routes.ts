import { DomainError, dateString } from '@jishi/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { calendarYear, removeCalendarDay, setCalendarDay } from '../../platform/calendar.js';
import { route } from '../../platform/http.js';
import { dateOut, itemsOf, yearQuery } from '../../platform/schemas.js';

const tags = ['系统设置'];

const DAY_KINDS = ['holiday', 'workday'] as const;

const daySchema = z.object({
  date: dateString,
  kind: z.enum(DAY_KINDS, { message: '类型只能是 holiday（放假）或 workday（调休上班）' }),
  name: z.string().trim().min(1, '请填写名称，如「春节」').max(20, '名称不能超过20个字'),
});

/** A day of the business calendar, as the settings page lists it. */
const calendarEntrySchema = z
  .object({
    date: dateOut,
    kind: z.enum(DAY_KINDS),
    name: z.string().nullable(),
    source: z.enum(['shipped', 'added']).meta({ description: '随产品提供（国务院通知），或由管理员添加（优先）' }),
  })
  .meta({ id: 'CalendarEntry' });

const calendarYearSchema = itemsOf(calendarEntrySchema)
  .extend({ year: z.number().int(), shipped: z.boolean().meta({ description: '该年的国务院通知已随产品提供' }) })
  .meta({ id: 'CalendarYear' });

const calendarDaySchema = z.object({ date: dateOut, kind: z.enum(DAY_KINDS), name: z.string() });

/**
 * /api/v1/settings/calendar: the business calendar the working-day deadlines count on. The State
 * Council's years ship with the product; a system administrator adds a later year's holidays and
 * 调休 days when its notice is out (and may correct a shipped day).
 */
export const calendarRoutes = (app: FastifyInstance) => {
  route(app, {
    method: 'GET',
    url: '/api/v1/settings/calendar',
    permission: 'authenticated',
    summary: '工作日历：某年的法定节假日和调休上班日',
    tags,
    response: calendarYearSchema,
    querystring: z.object({ year: yearQuery }),
    handler: async ({ q, query }) => calendarYear(q, query.year),
  });

  route(app, {
    method: 'PUT',
    url: '/api/v1/settings/calendar/days',
    permission: 'settings.manage',
    auditAction: 'settings.calendar.set',
    summary: '设置一天为法定节假日或调休上班日',
    tags,
    response: calendarDaySchema,
    body: daySchema,
    handler: async ({ actor, q, body, audit }) => {
      await setCalendarDay(q, body, actor.userId);
      await audit({ targetType: 'business_day', targetId: body.date, detail: { kind: body.kind, name: body.name } });
      return body;
    },
  });

  route(app, {
    method: 'DELETE',
    url: '/api/v1/settings/calendar/days/:date',
    permission: 'settings.manage',
    auditAction: 'settings.calendar.remove',
    summary: '撤销添加的日历设置（恢复为按周末和国务院通知计算）',
    tags,
    response: z.object({ date: dateOut }),
    params: z.object({ date: dateString }),
    handler: async ({ q, params, audit }) => {
      if (!(await removeCalendarDay(q, params.date))) throw new DomainError('NOT_FOUND', `${params.date}没有添加过日历设置`);
      await audit({ targetType: 'business_day', targetId: params.date });
      return { date: params.date };
    },
  });
};
