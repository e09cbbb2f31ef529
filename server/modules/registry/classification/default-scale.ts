import type { ScaleLevels } from '../../../../shared/registry/classification.ts';

// KLASSA's consequence scale as Styrbord ships it: version 1 of every tenant's scale. It lives in
// code, not in the database, so that a new tenant has it at once and a corrected wording reaches
// every tenant that has not written its own; a tenant's edit is stored as version 2 and on.
// The wording follows KLASSA's guidance (SKR) in substance: what a breach of each aspect would do
// to the municipality, the people it serves and society.

const names = [
  { sv: 'Försumbar', en: 'Negligible' },
  { sv: 'Begränsad', en: 'Limited' },
  { sv: 'Måttlig', en: 'Moderate' },
  { sv: 'Allvarlig', en: 'Serious' },
  { sv: 'Synnerligen allvarlig', en: 'Very serious' },
];

type Wording = [sv: string, en: string];

function steps(descriptions: [Wording, Wording, Wording, Wording, Wording]) {
  return descriptions.map(([sv, en], level) => ({ name: names[level]!, description: { sv, en } }));
}

export const defaultScaleLevels: ScaleLevels = {
  confidentiality: steps([
    [
      'Att obehöriga tar del av informationen ger ingen eller försumbar skada.',
      'Disclosure to unauthorised persons causes no or negligible harm.',
    ],
    [
      'Att obehöriga tar del av informationen ger begränsad skada för verksamheten eller enskilda, t.ex. intern information som inte är sekretessbelagd.',
      'Disclosure causes limited harm to the organisation or individuals, e.g. internal information that is not confidential.',
    ],
    [
      'Att obehöriga tar del av informationen ger måttlig skada, t.ex. personuppgifter eller uppgifter som omfattas av sekretess med rakt skaderekvisit.',
      'Disclosure causes moderate harm, e.g. personal data or information under secrecy with a straight harm requirement.',
    ],
    [
      'Att obehöriga tar del av informationen ger allvarlig skada, t.ex. känsliga personuppgifter, sekretess med omvänt skaderekvisit eller skyddade personuppgifter.',
      'Disclosure causes serious harm, e.g. sensitive personal data, secrecy with a reversed harm requirement or protected identities.',
    ],
    [
      'Att obehöriga tar del av informationen ger synnerligen allvarlig skada för enskilda, verksamheten eller samhället, t.ex. säkerhetsskyddsklassificerade uppgifter. Kräver en särskild skyddsanalys.',
      'Disclosure causes very serious harm to individuals, the organisation or society, e.g. security-classified information. Calls for a separate protection analysis.',
    ],
  ]),
  integrity: steps([
    [
      'Felaktig eller förvanskad information ger ingen eller försumbar skada.',
      'Incorrect or corrupted information causes no or negligible harm.',
    ],
    [
      'Felaktig information ger begränsad skada; felet upptäcks och rättas lätt i det dagliga arbetet.',
      'Incorrect information causes limited harm; the error is easily found and corrected in daily work.',
    ],
    [
      'Felaktig information ger måttlig skada, t.ex. felaktiga beslut eller utbetalningar som kan rättas i efterhand.',
      'Incorrect information causes moderate harm, e.g. wrong decisions or payments that can be corrected afterwards.',
    ],
    [
      'Felaktig information ger allvarlig skada, t.ex. felaktig myndighetsutövning mot enskilda eller betydande ekonomisk förlust.',
      'Incorrect information causes serious harm, e.g. wrongful exercise of public authority over individuals or significant financial loss.',
    ],
    [
      'Felaktig information ger synnerligen allvarlig skada, t.ex. fara för liv och hälsa. Kräver en särskild skyddsanalys.',
      'Incorrect information causes very serious harm, e.g. danger to life and health. Calls for a separate protection analysis.',
    ],
  ]),
  availability: steps([
    [
      'Att informationen inte är tillgänglig ger ingen eller försumbar skada.',
      'Unavailability of the information causes no or negligible harm.',
    ],
    [
      'Att informationen inte är tillgänglig under en arbetsvecka ger begränsad skada.',
      'Unavailability for a working week causes limited harm.',
    ],
    [
      'Att informationen inte är tillgänglig under en arbetsdag ger måttlig skada; verksamheten kan arbeta med reservrutiner.',
      'Unavailability for a working day causes moderate harm; the organisation can work with fallback routines.',
    ],
    [
      'Att informationen inte är tillgänglig under några timmar ger allvarlig skada för verksamheten eller enskilda.',
      'Unavailability for a few hours causes serious harm to the organisation or individuals.',
    ],
    [
      'Att informationen inte är tillgänglig även en kort stund ger synnerligen allvarlig skada, t.ex. fara för liv och hälsa. Kräver en särskild skyddsanalys.',
      'Even brief unavailability causes very serious harm, e.g. danger to life and health. Calls for a separate protection analysis.',
    ],
  ]),
  traceability: steps([
    [
      'Att det inte går att se vem som gjort vad ger ingen eller försumbar skada.',
      'Not knowing who did what causes no or negligible harm.',
    ],
    [
      'Bristande spårbarhet ger begränsad skada; att det går att se vilken enhet som gjort en ändring räcker.',
      'Lack of traceability causes limited harm; knowing which unit made a change is enough.',
    ],
    [
      'Bristande spårbarhet ger måttlig skada; det behöver gå att se vilken användare som gjort en ändring.',
      'Lack of traceability causes moderate harm; it must be possible to see which user made a change.',
    ],
    [
      'Bristande spårbarhet ger allvarlig skada; både läsning och ändring behöver loggas per användare, t.ex. i journaler.',
      'Lack of traceability causes serious harm; both reading and changing must be logged per user, e.g. in case records.',
    ],
    [
      'Bristande spårbarhet ger synnerligen allvarlig skada; varje åtgärd måste kunna knytas till en person och loggarna skyddas mot ändring. Kräver en särskild skyddsanalys.',
      'Lack of traceability causes very serious harm; every action must be tied to a person and the logs protected from change. Calls for a separate protection analysis.',
    ],
  ]),
};
