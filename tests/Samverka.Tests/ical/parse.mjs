// Parses an iCalendar file with ical.js (a real RFC 5545 parser) and prints what a calendar program
// would see: the calendar's name and each event with its start and end as UTC instants.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const events = calendar.getAllSubcomponents('vevent').map(c => {
  const e = new ICAL.Event(c);
  return {
    uid: e.uid,
    summary: e.summary,
    location: e.location,
    description: e.description,
    status: c.getFirstPropertyValue('status'),
    url: c.getFirstPropertyValue('url'),
    tzid: c.getFirstProperty('dtstart').getParameter('tzid'),
    dtstamp: c.getFirstPropertyValue('dtstamp').toJSDate().toISOString(),
    startUtc: e.startDate.toJSDate().toISOString(),
    endUtc: e.endDate.toJSDate().toISOString(),
  };
});
console.log(JSON.stringify({
  version: calendar.getFirstPropertyValue('version'),
  prodid: calendar.getFirstPropertyValue('prodid'),
  name: calendar.getFirstPropertyValue('x-wr-calname'),
  timezones: calendar.getAllSubcomponents('vtimezone').map(t => t.getFirstPropertyValue('tzid')),
  events,
}));
