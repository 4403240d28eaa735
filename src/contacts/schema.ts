import { z } from 'zod';
import { WEEKDAYS } from '../rules/officeHours';

const phone = z.string().regex(/^(999|101|0[0-9 ]{6,13}[0-9])$/, {
  error: 'expected a UK phone number (digits and spaces, starting with 0), or 999 or 101',
});
const time = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'expected a 24-hour time such as "09:00"' });
const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });

export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case id' }),
  name: z.string().min(1),
  purpose: z.string().min(1),
  hours: z.string().min(1).optional(),
  phones: z.array(phone).min(1).optional(),
  // Looser than z.email(): police addresses such as 24/7-Intel@… contain a slash.
  /** Words that, in a request for a number, ask for this service's line as well ("childline number"). */
  keywords: z.array(z.string().min(2)).default([]),
  /**
   * Other names for this service as answers write them ("the MASH", "Children's Services"): an answer
   * that names the office-hours or out-of-hours service this way gets the time-aware contacts line.
   */
  aliases: z.array(z.string().min(2)).default([]),
  /**
   * A knowledge topic whose answer gives this service's number: a question that names only services with
   * such a topic ("what's the Childline number?") gets that topic, which says what the service is for.
   */
  answeredBy: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a topic id' })
    .optional(),
  email: z
    .string()
    .regex(/^[A-Za-z0-9._%+/-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/, { error: 'expected an email address' })
    .optional(),
  sources: z.array(z.string().min(1)).min(1, { error: 'every contact needs at least one source' }),
});
export type Service = z.infer<typeof serviceSchema>;

export const officeHoursSchema = z.strictObject({
  service: z.string(),
  days: z.array(z.enum(WEEKDAYS)).min(1),
  opens: time,
  closes: time,
  bankHolidays: z
    .strictObject({ country: z.string().length(2), region: z.string().min(1).optional() })
    .optional(),
  extraClosures: z.array(isoDate).default([]),
  source: z.string().min(1),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** Services every area must name, because the bot's rules hand them out. */
export const REQUIRED_SERVICES = ['mash', 'out-of-hours', 'emergency', 'adult-safeguarding'] as const;

/** A line of the area's own procedure, with where it comes from. */
const procedureLine = z.strictObject({
  text: z.string().trim().min(1),
  source: z.string().min(1, { error: 'every procedure line needs a source' }),
});

/** The area's own procedure wording: what one area's partnership asks of practitioners. */
export const proceduresSchema = z.strictObject({
  /** Said with a referral outcome, after what to have ready (e.g. the written follow-up a call needs). */
  referralFollowUp: procedureLine.optional(),
  /** The subject line of an email to the police information address. */
  policeInformationSubject: procedureLine.optional(),
});
export type Procedures = z.infer<typeof proceduresSchema>;

export const areaContactsSchema = z
  .strictObject({
    area: z.string().min(1),
    timeZone: z.string().refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', {
      error: 'expected an IANA time zone such as "Europe/London"',
    }),
    officeHours: officeHoursSchema,
    services: z.array(serviceSchema).min(1),
    procedures: proceduresSchema.default({}),
  })
  .superRefine((data, ctx) => {
    const ids = data.services.map((s) => s.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `duplicate id "${id}"` });
    });
    for (const required of REQUIRED_SERVICES) {
      if (!ids.includes(required)) {
        ctx.addIssue({
          code: 'custom',
          path: ['services'],
          message: `a service with id "${required}" is required`,
        });
      }
    }
    if (!ids.includes(data.officeHours.service)) {
      ctx.addIssue({
        code: 'custom',
        path: ['officeHours', 'service'],
        message: `"${data.officeHours.service}" is not the id of a service in this file`,
      });
    }
    if (data.officeHours.opens >= data.officeHours.closes) {
      ctx.addIssue({ code: 'custom', path: ['officeHours', 'closes'], message: 'must be later than opens' });
    }
  });
export type AreaContacts = z.infer<typeof areaContactsSchema>;
