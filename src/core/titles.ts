// Words that, written just before a surname, say the surname is an official's ("President Putin", "министр Лавров").
// Keys are lower case and tokenized like any text (see tokenize.ts).
const TITLES = `
president presidents prime premier minister ministers secretary secretary-general chancellor foreign chairman chairwoman chair
chairperson king queen emir sheikh prince crown sultan ambassador envoy spokesman spokeswoman spokesperson counterpart leader
mr mrs ms dr sir madam general director-general commissioner vice deputy head pm fm
президент президента президенту президентом премьер премьер-министр премьер-министра министр министра министру министром
глава главы главе главой госсекретарь госсекретаря генсек генсека генеральный генерального председатель председателя
председателю председателем канцлер канцлера посол посла король короля эмир эмира шейх шейха принц принца лидер лидера
коллега коллеги коллегой спикер спикера пресс-секретарь пресс-секретаря помощник помощника господин госпожа г-н г-жа
вице-премьер вице-президент директор директора комиссар
президентом міністр міністра прем'єр прем'єр-міністр голова посла речник
президенті министрі премьер-министрі төрағасы елшісі хатшысы
président présidente ministre chancelier chancelière secrétaire roi émir
präsident präsidentin minister ministerin kanzler kanzlerin außenminister außenministerin bundeskanzler
presidente ministro ministra canciller secretario rey
cumhurbaşkanı bakanı bakan başbakan başbakanı dışişleri
`;

export const TITLE_KEYS = new Set(TITLES.split(/\s+/).filter(Boolean).flatMap((w) => [w, ...w.split('-')]));
