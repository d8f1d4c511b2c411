// Languages a registrant can say they speak, each named in itself.
export const LANGUAGES = ['en', 'fr', 'ru', 'zh', 'ar', 'es', 'th', 'vi', 'id', 'hi', 'bn', 'ne'] as const;

export const LANGUAGE_NAMES: Record<string, string> = {
	en: 'English',
	fr: 'Français',
	ru: 'Русский',
	zh: '中文',
	ar: 'العربية',
	es: 'Español',
	th: 'ไทย',
	vi: 'Tiếng Việt',
	id: 'Bahasa Indonesia',
	hi: 'हिन्दी',
	bn: 'বাংলা',
	ne: 'नेपाली'
};

/** The BCP 47 tag a page in one of Convene's locales carries: Chinese is written in Simplified characters. */
export const htmlLang = (locale: string): string => (locale === 'zh' ? 'zh-Hans' : locale);
