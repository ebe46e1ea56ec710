/** Hand-set data of the admin-area builder: names, aliases and coordinates by ISO 3166-2 code, type words. */

/** Hand corrections by ISO 3166-2 code: dr5hn's name is not the one news uses, or aliases news uses. */
export const OVERRIDES: Record<string, { name?: string; aliases?: string[]; drop?: boolean }> = {
  // China: the long official forms.
  'CN-GX': { aliases: ['Guangxi Zhuang Autonomous Region', 'Guangxi Zhuang'] },
  'CN-NX': { aliases: ['Ningxia Hui Autonomous Region', 'Ningxia Hui'] },
  'CN-XJ': { aliases: ['Xinjiang Uyghur Autonomous Region', 'Xinjiang Uygur Autonomous Region'] },
  'CN-XZ': { aliases: ['Tibet Autonomous Region', 'Xizang', 'Xizang Autonomous Region'] },
  'CN-NM': { aliases: ['Inner Mongolia Autonomous Region', 'Nei Mongol'] },
  // Also countries of their own in ISO 3166-1 (and in world-countries).
  'CN-HK': { drop: true },
  'CN-MO': { drop: true },
  'CN-TW': { drop: true },
  // Iraqi Kurdistan is a conflict-region row in regions.csv.
  'IQ-KR': { drop: true },
  'IQ-QA': { aliases: ['Qadisiyah', 'Diwaniyah'] },
  'IQ-SD': { aliases: ['Salahuddin', 'Salah ad-Din', 'Salah al-Din', 'Salahaddin'] },
  'IQ-DA': { aliases: ['Duhok', 'Dahuk'] },
  'IQ-NI': { aliases: ['Ninawa', 'Ninewa'] },
  'IQ-BB': { aliases: ['Babil'] },
  'SY-RA': { name: 'Raqqa', aliases: ['Al-Raqqah', 'Ar-Raqqah', 'Raqqah'] },
  'SY-HA': { aliases: ['Hasakah', 'Hasaka', 'Al-Hasakah', 'Hassakeh'] },
  'SY-DY': { aliases: ['Deir ez-Zor', 'Deir al-Zour', 'Deir Ezzor', 'Dayr az Zawr'] },
  'SY-SU': { aliases: ['Sweida', 'Suwayda', 'Suwaida'] },
  'SY-RD': { aliases: ['Damascus Countryside', 'Rural Damascus', 'Reef Dimashq'] },
  'SY-DR': { aliases: ['Deraa', 'Dara'] },
  'SY-LA': { aliases: ['Lattakia'] },
  'SY-TA': { aliases: ['Tartous'] },
  'YE-HU': { aliases: ['Hodeidah', 'Hudaydah', 'Hodeida'] },
  'YE-MA': { aliases: ['Marib'] },
  'YE-TA': { aliases: ['Taiz', 'Taizz'] },
  'YE-SD': { aliases: ['Saada', "Sa'dah", 'Sadah'] },
  'YE-AD': { name: 'Aden', aliases: ['Adan'] },
  'YE-DA': { aliases: ['Dhale', 'Al Dhale', 'Dalea'] },
  'YE-SA': { aliases: ["Sana'a City", 'Amanat al-Asimah'] },
  'LY-BU': { aliases: ['Butnan', 'Tobruk District'] },
  'PS-JRH': { aliases: ['Jericho'] },
  'PS-DEB': { aliases: ['Deir al-Balah', 'Deir el-Balah'] },
  'PS-KYS': { aliases: ['Khan Younis', 'Khan Yunis'] },
  'AF-WAR': { aliases: ['Maidan Wardak', 'Maydan Wardak'] },
  'AF-URU': { aliases: ['Uruzgan', 'Oruzgan'] },
  'AF-GHO': { aliases: ['Ghor'] },
  'NG-FC': { name: 'Federal Capital Territory', aliases: ['Abuja Federal Capital Territory', 'FCT Abuja'] },
  'PH-14': { aliases: ['ARMM', 'Autonomous Region in Muslim Mindanao'] },
  'PH-MOU': { name: 'Mountain Province' },
  'MM-15': { name: 'Mon State', aliases: [] },
  'MZ-L': { name: 'Maputo Province' },
  'IN-JK': { aliases: [] },
  'US-DC': {
    name: 'District of Columbia',
    aliases: ['Washington, D.C.', 'Washington DC', 'Washington D.C.'],
  },
  // Russia: dr5hn has adjectives or bare names where news uses the noun or the full form.
  'RU-CE': { name: 'Chechnya', aliases: ['Chechen Republic', 'Chechen'] },
  'RU-UD': { name: 'Udmurtia', aliases: ['Udmurt Republic'] },
  'RU-CU': { name: 'Chuvashia', aliases: ['Chuvash Republic'] },
  'RU-YEV': { name: 'Jewish Autonomous Oblast', aliases: ['Jewish Autonomous Region', 'Birobidzhan region'] },
  'RU-KB': { name: 'Kabardino-Balkaria', aliases: ['Kabardino-Balkar Republic'] },
  'RU-KC': { name: 'Karachay-Cherkessia', aliases: ['Karachay-Cherkess Republic'] },
  'RU-SA': { aliases: ['Yakutia', 'Sakha Republic', 'Republic of Sakha'] },
  'RU-SE': { aliases: ['North Ossetia', 'North Ossetia–Alania'] },
  'RU-KHM': { aliases: ['Khanty-Mansi Autonomous Okrug', 'Yugra'] },
  'RU-YAN': { aliases: ['Yamalo-Nenets Autonomous Okrug', 'Yamal'] },
  'RU-NEN': { aliases: ['Nenets Autonomous Okrug'] },
  'RU-CHU': { aliases: ['Chukotka Autonomous Okrug'] },
  'RU-MOS': { name: 'Moscow Oblast', aliases: ['Moscow region', 'Moscow Province'] },
  'RU-MOW': { name: 'Moscow', aliases: [] },
  'RU-SPE': { aliases: [] },
  'RU-ALT': { name: 'Altai Krai', aliases: [] },
  'RU-AL': { name: 'Altai Republic', aliases: ['Gorno-Altai'] },
  'RU-VGG': { name: 'Volgograd' },
  'RU-BA': { aliases: ['Bashkiria'] },
  // Ukraine: dr5hn spells oblasts as Ukrainian adjectives ("Donetska"); news says "Donetsk" + region/oblast.
  'UA-43': { name: 'Autonomous Republic of Crimea', aliases: ['Republic of Crimea'] },
  'UA-71': { name: 'Cherkasy', aliases: ['Cherkasy Oblast', 'Cherkaska'] },
  'UA-74': { name: 'Chernihiv', aliases: ['Chernihiv Oblast', 'Chernihivska', 'Chernigov'] },
  'UA-77': { name: 'Chernivtsi', aliases: ['Chernivtsi Oblast', 'Chernivetska'] },
  'UA-12': { name: 'Dnipropetrovsk', aliases: ['Dnipropetrovsk Oblast', 'Dnipropetrovska', 'Dnipro region'] },
  'UA-14': { name: 'Donetsk', aliases: ['Donetsk Oblast', 'Donetska', 'Donechchyna'] },
  'UA-26': {
    name: 'Ivano-Frankivsk',
    aliases: ['Ivano-Frankivsk Oblast', 'Ivano-Frankivska', 'Prykarpattia'],
  },
  'UA-63': { name: 'Kharkiv', aliases: ['Kharkiv Oblast', 'Kharkivska', 'Kharkov', 'Kharkivshchyna'] },
  'UA-65': { name: 'Kherson', aliases: ['Kherson Oblast', 'Khersonska'] },
  'UA-68': { name: 'Khmelnytskyi', aliases: ['Khmelnytskyi Oblast', 'Khmelnytska', 'Khmelnytsky'] },
  'UA-35': { name: 'Kirovohrad', aliases: ['Kirovohrad Oblast', 'Kirovohradska', 'Kropyvnytskyi region'] },
  'UA-30': { name: 'Kyiv', aliases: ['Kyiv City', 'Kiev'] },
  'UA-32': { name: 'Kyiv Oblast', aliases: ['Kyivska', 'Kiev Oblast', 'Kyivshchyna'] },
  'UA-09': { name: 'Luhansk', aliases: ['Luhansk Oblast', 'Luhanska', 'Lugansk', 'Luhanshchyna'] },
  'UA-46': { name: 'Lviv', aliases: ['Lviv Oblast', 'Lvivska'] },
  'UA-48': { name: 'Mykolaiv', aliases: ['Mykolaiv Oblast', 'Mykolaivska', 'Nikolaev'] },
  'UA-51': { name: 'Odesa', aliases: ['Odesa Oblast', 'Odeska', 'Odessa', 'Odessa Oblast'] },
  'UA-53': { name: 'Poltava', aliases: ['Poltava Oblast', 'Poltavska'] },
  'UA-56': { name: 'Rivne', aliases: ['Rivne Oblast', 'Rivnenska'] },
  'UA-59': { name: 'Sumy', aliases: ['Sumy Oblast', 'Sumska'] },
  'UA-61': { name: 'Ternopil', aliases: ['Ternopil Oblast', 'Ternopilska'] },
  'UA-05': { name: 'Vinnytsia', aliases: ['Vinnytsia Oblast', 'Vinnytska'] },
  'UA-07': { name: 'Volyn', aliases: ['Volyn Oblast', 'Volynska'] },
  'UA-21': { name: 'Zakarpattia', aliases: ['Zakarpattia Oblast', 'Zakarpatska', 'Transcarpathia'] },
  'UA-23': {
    name: 'Zaporizhzhia',
    aliases: ['Zaporizhzhia Oblast', 'Zaporizka', 'Zaporizhia', 'Zaporozhye'],
  },
  'UA-18': { name: 'Zhytomyr', aliases: ['Zhytomyr Oblast', 'Zhytomyrska'] },
  'UA-40': { name: 'Sevastopol', aliases: [] },
  'CD-NK': { aliases: ['North Kivu'] },
  'CD-SK': { aliases: ['South Kivu'] },
  'SD-KN': { aliases: ['North Kurdufan'] },
  'SD-KS': { aliases: ['South Kurdufan'] },
  'SD-GZ': { aliases: ['Gezira', 'El Gezira', 'Al Gezira'] },
  'SD-GD': { aliases: ['Gedaref', 'Al Qadarif'] },
  'ET-SN': { aliases: ['SNNPR', 'SNNP Region'] },
  'ET-SO': { name: 'Somali Region', aliases: ['Somali Regional State'] },
  'PK-KP': { aliases: ['KP', 'NWFP', 'North-West Frontier Province'] },
  'PK-JK': { aliases: ['Azad Jammu and Kashmir', 'AJK', 'Pakistan-administered Kashmir'] },
  'IN-OR': { aliases: ['Orissa'] },
  'MX-CMX': { name: 'Mexico City', aliases: ['Ciudad de México', 'CDMX'] },
  'MX-MEX': { name: 'State of Mexico', aliases: ['Estado de México', 'Mexico State', 'Edomex'] },
  'MX-VER': { name: 'Veracruz', aliases: ['Veracruz de Ignacio de la Llave'] },
  'MX-MIC': { name: 'Michoacán', aliases: ['Michoacán de Ocampo'] },
  'MX-COA': { name: 'Coahuila', aliases: ['Coahuila de Zaragoza'] },
  'CO-DC': { name: 'Bogotá Capital District', aliases: ['Bogotá D.C.'] },
  'AZ-XA': { aliases: ['Stepanakert'] },
  'GB-ENG': { aliases: [] },
  'GB-SCT': { aliases: [] },
  'GB-WLS': { aliases: [] },
  'GB-NIR': { aliases: [] },
  'MM-13': { aliases: ['Karen', 'Karen State', 'Kayin State'] },
  'MM-11': { aliases: ['Kachin State'] },
};

/**
 * Coordinates by ISO 3166-2 code where the database's are wrong (most Ukrainian oblasts sit on
 * Kyiv in it): approximate centroids of the oblast, hand-set from the Wikipedia articles' maps.
 */
export const COORDS: Record<string, [number, number]> = {
  'UA-71': [49.2, 31.3], // Cherkasy
  'UA-74': [51.3, 32.0], // Chernihiv
  'UA-77': [48.3, 25.9], // Chernivtsi
  'UA-12': [48.4, 35.0], // Dnipropetrovsk
  'UA-14': [48.0, 37.8], // Donetsk
  'UA-26': [48.7, 24.6], // Ivano-Frankivsk
  'UA-63': [49.6, 36.5], // Kharkiv
  'UA-65': [46.7, 33.5], // Kherson
  'UA-68': [49.4, 27.0], // Khmelnytskyi
  'UA-35': [48.5, 32.3], // Kirovohrad
  'UA-32': [50.3, 30.5], // Kyiv Oblast
  'UA-09': [48.7, 39.2], // Luhansk
  'UA-46': [49.8, 24.0], // Lviv
  'UA-48': [47.4, 31.9], // Mykolaiv
  'UA-51': [46.8, 30.0], // Odesa
  'UA-53': [49.6, 34.5], // Poltava
  'UA-56': [51.0, 26.2], // Rivne
  'UA-59': [51.0, 34.0], // Sumy
  'UA-61': [49.4, 25.6], // Ternopil
  'UA-05': [49.0, 28.5], // Vinnytsia
  'UA-07': [51.2, 24.9], // Volyn
  'UA-21': [48.4, 23.2], // Zakarpattia
  'UA-23': [47.5, 35.8], // Zaporizhzhia
  'UA-18': [50.5, 28.5], // Zhytomyr
  'UA-43': [45.3, 34.2], // Crimea
  'RU-MOS': [55.6, 37.9], // Moscow Oblast (the database puts it on the city)
  'RU-ALT': [52.7, 82.7], // Altai Krai (the database puts it on the Altai Republic)
  'RU-AL': [50.6, 86.5], // Altai Republic
};

/** Types whose English word may follow the name in news ("Borno State", "Aleppo Governorate"). */
export const TYPE_SUFFIX: Record<string, string> = {
  state: 'State',
  province: 'Province',
  governorate: 'Governorate',
  region: 'Region',
  prefecture: 'Prefecture',
  department: 'Department',
  county: 'County',
  district: 'District',
  'autonomous region': 'Autonomous Region',
  'administrative region': 'Oblast',
  'administrative territory': 'Krai',
  republic: 'Republic',
  voivodship: 'Voivodeship',
  canton: 'Canton',
  'autonomous community': 'Autonomous Community',
};
