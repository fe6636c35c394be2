import type { Random } from './random';

const words = (list: string): readonly string[] => list.split(' ');

const TURKISH_FIRST_NAMES = words(
  'Ayşe Fatma Elif Zeynep Emine Hatice Merve Büşra Esra Özlem Selin Defne Ece Gökçe İrem Şule Melike Tuğba ' +
    'Derya Gül Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Can Cem Kerem Oğuz Serkan ' +
    'Tolga Uğur Volkan Yusuf Barış',
);

const TURKISH_LAST_NAMES = words(
  'Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara ' +
    'Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy Bulut Keskin Tekin Uçar Ünal',
);

const INTERNATIONAL_NAMES = [
  'Anna Schmidt',
  'Lukas Müller',
  'Sofia Rossi',
  'Marco Bianchi',
  'Emma Dubois',
  'Olivia Smith',
  'James Brown',
  'Ivan Petrov',
  'Olga Ivanova',
  'Layla Haddad',
  'Omar Farouk',
  'Nino Beridze',
  'Yuki Tanaka',
  'María García',
  'Jonas Berg',
];

const EMAIL_DOMAINS = ['example.com.tr', 'example.com.tr', 'example.com', 'example.org', 'example.net'];

const ASCII: Readonly<Record<string, string>> = {
  ç: 'c',
  ğ: 'g',
  ı: 'i',
  ö: 'o',
  ş: 's',
  ü: 'u',
  á: 'a',
  í: 'i',
  é: 'e',
};

const emailLocalPart = (name: string): string =>
  name
    .toLocaleLowerCase('tr')
    .replace(/[^a-z ]/g, (letter) => ASCII[letter] ?? '')
    .replace(/ /g, '.');

export interface DemoName {
  readonly name: string;
  readonly email: string;
}

const pickName = (random: Random): string =>
  random.chance(0.12)
    ? random.pick(INTERNATIONAL_NAMES)
    : `${random.pick(TURKISH_FIRST_NAMES)} ${random.pick(TURKISH_LAST_NAMES)}`;

/** The customer number in the address keeps every demo email unique without a registry of used ones. */
export const demoName = (random: Random, customerNumber: number): DemoName => {
  const name = pickName(random);
  return { name, email: `${emailLocalPart(name)}${customerNumber}@${random.pick(EMAIL_DOMAINS)}` };
};
