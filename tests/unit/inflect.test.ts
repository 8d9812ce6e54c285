// Build-time inflection: the forms the matcher will find in Russian, Ukrainian and Kazakh text.
import { describe, it, expect, beforeAll } from 'vitest';
import * as ru from '../../scripts/lib/inflect/ru.ts';
import * as uk from '../../scripts/lib/inflect/uk.ts';
import * as kk from '../../scripts/lib/inflect/kk.ts';
import { germanForms } from '../../scripts/lib/inflect/latin.ts';

beforeAll(() => ru.initRussian());

describe('Russian', () => {
  it('declines the head noun of an organization and leaves its complement', () => {
    expect(ru.phraseForms('Организация по безопасности и сотрудничеству в Европе')).toContain('Организации по безопасности и сотрудничеству в Европе');
  });
  it('makes adjectives agree with the head noun in every case', () => {
    const f = ru.phraseForms('Астанинская декларация');
    for (const x of ['Астанинской декларации', 'Астанинскую декларацию', 'Астанинской декларацией']) expect(f).toContain(x);
    expect(ru.phraseForms('Соединённые Штаты Америки')).toContain('Соединенных Штатов Америки');
    // inanimate masculine accusative is the nominative, never a made-up mix
    expect(ru.phraseForms('Хельсинкский заключительный акт')).not.toContain('Хельсинкского заключительного акт');
  });
  it('declines country names as places, not as homonyms ("Мальта" is not "мальт")', () => {
    expect(ru.phraseForms('Мальта')).toEqual(expect.arrayContaining(['Мальты', 'Мальте', 'Мальтой']));
    expect(ru.phraseForms('Гвинея-Бисау')).toContain('Гвинеи-Бисау');
  });
  it('declines people by gender, keeping foreign indeclinable surnames', () => {
    expect(ru.personForms('Иэн Борч')).toContain('Иэном Борчем');
    expect(ru.personForms('Мурат Нуртлеу')).toContain('Муратом Нуртлеу');
    expect(ru.personForms('Мария Захарова', 'female')).toContain('Марией Захаровой');
    expect(ru.personForms('Касым-Жомарт Токаев')).toContain('Касыма-Жомарта Токаева');
  });
  it('gives a surname in -ин/-ын both instrumentals: the Russian -ым and the foreign -ом', () => {
    expect(ru.personForms('Си Цзиньпин')).toEqual(expect.arrayContaining(['Си Цзиньпином', 'Си Цзиньпина']));
    expect(ru.personForms('Ллойд Остин')).toContain('Ллойдом Остином');
    expect(ru.personForms('Ким Чен Ын')).toContain('Ким Чен Ыном');
    expect(ru.personForms('Владимир Путин')).toContain('Владимиром Путиным');
    expect(ru.surnameForms('Остин')).toEqual(expect.arrayContaining(['Остином', 'Остина']));
    // a woman's surname keeps its own declension
    expect(ru.personForms('Санна Марин', 'female')).not.toContain('Санной Марином');
  });
});

describe('Ukrainian and Kazakh', () => {
  it('declines Ukrainian names and phrases', async () => {
    expect(await uk.personForms('Андрій Сибіга')).toContain('Андрія Сибіги');
    expect(uk.phraseForms('Україна')).toEqual(expect.arrayContaining(['України', 'Україною']));
    expect(uk.phraseForms('Європейський союз')).toContain('Європейського союзу');
  });
  it('adds Kazakh case endings by vowel harmony and the last sound', () => {
    const f = kk.phraseForms('Қазақстан');
    for (const x of ['Қазақстанның', 'Қазақстанға', 'Қазақстанда', 'Қазақстаннан', 'Қазақстанмен', 'Қазақстандағы']) expect(f).toContain(x);
    expect(kk.phraseForms('Түркия')).toContain('Түркияның');
    expect(kk.phraseForms('Біріккен Ұлттар Ұйымы')).toContain('Біріккен Ұлттар Ұйымының');
    expect(kk.acronymForms('БҰҰ')).toContain('БҰҰ-ның');
  });
  it('adds the German genitive -s and adjective endings', () => {
    expect(germanForms('Russland', 'phrase')).toContain('Russlands');
    expect(germanForms('Vereinte Nationen', 'phrase')).toContain('Vereinten Nationen');
  });
});
