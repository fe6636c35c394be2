import type { Address } from '@crm/domain';
import type { Random } from './random';

/** Plate codes double as postal-code prefixes; İstanbul, Ankara and İzmir repeat to weigh the pick. */
const CITIES = [
  ['İstanbul', '34'],
  ['İstanbul', '34'],
  ['İstanbul', '34'],
  ['İstanbul', '34'],
  ['Ankara', '06'],
  ['Ankara', '06'],
  ['İzmir', '35'],
  ['İzmir', '35'],
  ['Bursa', '16'],
  ['Antalya', '07'],
  ['Adana', '01'],
  ['Konya', '42'],
  ['Gaziantep', '27'],
  ['Kocaeli', '41'],
  ['Mersin', '33'],
  ['Kayseri', '38'],
  ['Eskişehir', '26'],
  ['Trabzon', '61'],
  ['Samsun', '55'],
  ['Diyarbakır', '21'],
] as const;

const NEIGHBOURHOODS = ['Cumhuriyet', 'Atatürk', 'Yenimahalle', 'Bahçelievler', 'Fatih', 'Merkez', 'Çamlık'];

const STREETS = [
  'İstiklal Caddesi',
  'Bağdat Caddesi',
  'Gazi Mustafa Kemal Bulvarı',
  'Mimar Sinan Sokak',
  'Lale Sokak',
  'Menekşe Sokak',
  'Zübeyde Hanım Caddesi',
  'Fevzi Çakmak Caddesi',
  'Papatya Sokak',
  'Çınar Sokak',
];

export const demoAddress = (random: Random): Address => {
  const [city, plate] = random.pick(CITIES);
  const line1 = `${random.pick(NEIGHBOURHOODS)} Mah. ${random.pick(STREETS)} No: ${random.int(1, 180)}`;
  const postalCode = `${plate}${String(random.int(0, 999)).padStart(3, '0')}`;
  return random.chance(0.6)
    ? { line1, line2: `Daire ${random.int(1, 24)}`, city, postalCode, country: 'TR' }
    : { line1, city, postalCode, country: 'TR' };
};

export const demoPhone = (random: Random): string =>
  `+90 5${random.int(30, 59)} ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`;
