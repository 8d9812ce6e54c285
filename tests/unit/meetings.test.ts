// Meeting extraction per language, on texts written for these tests.
import { describe, it, expect } from 'vitest';
import { scan } from './built.ts';

const pairs = (text: string, lang: string, date = '2024-06-25') =>
  scan(text, lang, date).meetings.map((m) => m.participants.map((p) => p.name).sort().join(' + '));

describe('meetings', () => {
  it('ru: a meeting with place, date and kind', () => {
    const out = scan('Мурат Нуртлеу провел встречу с Иэном Борчем в Астане 25 июня.', 'ru', '2024-06-26').meetings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ date: '2024-06-25', place: 'Astana', cameo: '044' });
    expect(out[0].participants.map((p) => p.name).sort()).toEqual(['Ian Borg', 'Murat Nurtleu']);
  });
  it('en: a phone call is CAMEO 041 and takes the page date', () => {
    const out = scan('Antony Blinken spoke by phone with Sergey Lavrov on Tuesday.', 'en', '2022-05-13').meetings;
    expect(out[0]).toMatchObject({ cameo: '041', kind: 'call' });
  });
  it('announced meetings are marked planned', () => {
    const out = scan('Sergey Lavrov will meet Wang Yi in Beijing next week.', 'en', '2024-04-01').meetings;
    expect(out[0]?.planned).toBe(true);
  });
  it('kk, uk, fr, de, es, tr, zh cues', () => {
    expect(pairs('Қасым-Жомарт Тоқаев Владимир Путинмен кездесті.', 'kk')).toEqual(['Kassym-Jomart Tokayev + Vladimir Putin']);
    expect(pairs('Андрій Сибіга зустрівся з Антоні Блінкеном.', 'uk')).toEqual(['Andrii Sybiha + Antony Blinken']);
    expect(pairs('Emmanuel Macron a rencontré Olaf Scholz à Berlin.', 'fr')).toEqual(['Emmanuel Macron + Olaf Scholz']);
    expect(pairs('Olaf Scholz traf Emmanuel Macron in Paris.', 'de')).toEqual(['Emmanuel Macron + Olaf Scholz']);
    expect(pairs('Pedro Sánchez se reunió con Luiz Inácio Lula da Silva.', 'es')).toEqual(['Luiz Inácio Lula da Silva + Pedro Sánchez']);
    expect(pairs('Hakan Fidan, Sergey Lavrov ile görüştü.', 'tr')).toEqual(['Hakan Fidan + Sergey Lavrov']);
    expect(pairs('习近平会见普京。', 'zh')).toEqual([]);
  });
  it('names without a meeting cue are no meeting', () => {
    expect(pairs('Vladimir Putin and Xi Jinping both criticised the sanctions.', 'en')).toEqual([]);
  });
});
