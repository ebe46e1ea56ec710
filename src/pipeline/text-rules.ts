/** Small English patterns shared by the place, actor and event stages. */

/** A string as a literal inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A locative preposition (with an optional article and direction) right before a name. */
export const LOCATIVE_BEFORE =
  /(?:\b(?:in|into|inside|at|to|from|near|across|within|throughout|toward|towards|outside|over|around|out of|headed for|close to|via)|\b(?:city|town|village|province|region|district|outskirts|parts|areas?|north|south|east|west|northwest|northeast|southwest|southeast) of)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern|-?east(?:ern)?|-?west(?:ern)?)?\s+|central\s+)?$/i;

/** A place named after one of these is a reference point, not where it happened. */
export const REFERENCE_BEFORE =
  /\b(?:near|close to|outside|(?:just\s+)?(?:north|south|east|west|northwest|northeast|southwest|southeast)(?:ern)? of|across the border from|away from|miles from|km from|kilometres from|kilometers from)\s+(?:the\s+)?$/i;

/** A place in an aside about something else: "a truce agreed in Stockholm". */
export const ASIDE_BEFORE =
  /\b(?:agreed|signed|brokered|reached|held|born|based|headquartered|educated)\s+(?:in|at)\s+(?:the\s+)?$/i;

/** A place named after one of these is where something came from. */
export const ORIGIN_BEFORE = /\b(?:from|out of)\s+(?:the\s+)?$/i;

/** Titles before a person's name: the name after them is not a place. */
export const TITLE_BEFORE =
  /\b(?:President|Minister|General|Gen\.|Lt\.|Lieutenant-General|Capt\.|Col\.|Maj\.|spokesman|spokeswoman|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|commander|envoy|counterpart|leader)\s+$/;

/**
 * Closed-class words that start a sentence or a headline's capitalised run ("In Georgia", "At Mosul"):
 * they are skipped, so the name after them is still read.
 */
export const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those his her its their our my and or but if of on in at by for with to from ' +
    'as into inside near outside across over around after before during since while when where across ' +
    'throughout toward towards within across meanwhile also then there here both all some many most'
  ).split(' '),
);

/** People named by where they live, as the alternatives of a regular expression: "a Charleston man". */
export const PEOPLE_OF_A_PLACE =
  'man|woman|men|women|boy|girl|teen|teenager|youth|resident|residents|native|natives';

/**
 * Words that make the capitalised name before them an institution of a place, not a person's given
 * name: "Florida Highway Patrol", "Georgia Bureau of Investigation", "Richmond Police Department".
 */
export const INSTITUTION_AFTER =
  /^\s+(?:Police|Sheriff|Fire|Highway|Patrol|Department|Dept\.?|Bureau|Office|Agency|Authority|County|City|State|Township|Parish|University|College|School|High|Academy|Association|Council|Board|Court|Commission|Legislature|Senate|House|Assembly|General|Supreme|Hospital|Medical|Health|Center|Centre|Airport|Port|Transit|Metro|Museum|Library|Zoo|Chamber|Church|Diocese|National|Guard|Army|Public|Regional|Community|Times|News|Post|Herald|Tribune|Journal|Gazette|Daily)\b/;

/** Makes of motor vehicles, lower case: "Dodge Durango" and "Toyota Corolla" are cars, not places. */
export const VEHICLE_MAKES = new Set(
  (
    'acura audi bmw buick cadillac chevrolet chevy chrysler dodge ford gmc honda hummer hyundai infiniti ' +
    'isuzu jaguar jeep kia lexus lincoln mazda mercedes mercury mitsubishi nissan oldsmobile peugeot ' +
    'plymouth pontiac porsche renault saab saturn subaru suzuki toyota volkswagen volvo'
  ).split(' '),
);
/** A make right before a name: the name is its model. */
export const VEHICLE_MAKE_BEFORE = new RegExp(
  `\\b(?:${[...VEHICLE_MAKES].map((m) => m[0]?.toUpperCase() + m.slice(1)).join('|')}|BMW|GMC|VW)\\s+$`,
);

/** Words never taken for a place even when a gazetteer has them. */
export const NOT_PLACES = new Set(
  (
    'a an the this that these those he she it they we i you his her its their our my me us them who what ' +
    'when where why how and or but if of on in at by for with to from as is was were be been are ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december reports reuters president minister general spokesman ' +
    'god state army police city town border media news television government official officials ' +
    'soldiers fighters forces troops militia militants north south east west central arab arabs kurdish kurds ' +
    'sunni sunnis shia shiite western eastern northern southern northwest northeast southwest southeast ' +
    'capital coast coastal delta christian muslim islamic ' +
    // Holidays are days, not places ("at Christmas", "Passover traditions").
    'christmas easter passover thanksgiving halloween hanukkah ramadan eid diwali'
  ).split(' '),
);

/** Words that make what follows hypothetical, planned or denied: not (yet) an event. */
export const MODAL_BEFORE =
  /\b(?:will|would|could|might|may|should|must|shall|not|never|no|if|unless|hesitate|plans?|planning|aims?|aiming|intends?|threaten(?:s|ed)?|vow(?:s|ed)?|ready|potential|possible|expected|proposing|proposed|ahead of|in preparation|fears? of|feared|calls? (?:on|for)|called (?:on|for)|urge[sd]?|urging|prevent|preventing|preempt|pre-empt|backed by|supported by)\b[^;]{0,60}$|\b(?:thousands|hundreds|dozens) of\s+$/i;

/** "to" right before a verb: a purpose or plan ("to retake"), not a report — except for talks. */
export const INFINITIVE_BEFORE =
  /(?<!\b(?:continued|continue|continues|began|begun|started|starting))\s+to\s+$/i;

/** A modal right after the trigger in the same clause: "Sending troops … would be". */
export const MODAL_AFTER =
  /^[^,.;]{0,40}\b(?:would|could|might|(?:is|are|was|were) (?:planned|scheduled|expected|set|due) (?:for|to)\b)/i;

/** A verb that makes "their assault" a report: "continued their assault", "launched an offensive". */
export const CARRY_ON_BEFORE =
  /\b(?:continued|continue|continues|launched|launches|began|begun|started|stepped up|resumed|intensified|carried out|mounted|repelled|repulsed)\s+(?:the|a|an|its|their|his|her|this|that)\s+(?:[\p{L}.-]+\s+){0,2}$/iu;

/** Courts, records and evasions talk about a violent act without reporting it as it happened. */
export const LEGAL_BEFORE =
  /\b(?:charged with|charged\b[^.;]{0,50}\bwith|charges? of|convicted of|accused of|acquitted of|suspect(?:ed)? in|sentenced (?:for|to)|warrants? for|served [^.;]{0,30} for|pleaded (?:guilty|not guilty|no contest) to|indicted (?:for|on)|trial (?:for|over)|to (?:evade|avoid|escape|break up)|evad(?:e|ed|ing)|avoid(?:ed|ing)?|break up|history of|record of|(?:arrested|detained|charged) (?:for|on|in connection with|in (?:a|an|the|last))|in connection with)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;
