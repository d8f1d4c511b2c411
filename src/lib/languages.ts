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
