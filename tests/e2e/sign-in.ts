import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from '../../playwright.config';

export async function signInAsStaff(page: Page, email = 'admin@convene.example') {
	await page.goto('/staff/sign-in');
	await page.waitForSelector('body[data-hydrated="true"]');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(E2E_ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Staff area' })).toBeVisible();
}
