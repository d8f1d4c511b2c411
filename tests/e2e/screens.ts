import type { Page } from '@playwright/test';

/**
 * What pushes the page wider than the screen (empty when nothing does): the widest elements past
 * the right edge, outside boxes that scroll on their own (`data-scrolls`).
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth <= width) return [];
		return [...document.querySelectorAll('body *')]
			.filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('[data-scrolls]'))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).split(' ')[0] : ''} (${Math.round(e.getBoundingClientRect().right)} px)`);
	});
}
