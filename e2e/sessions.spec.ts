// Protects: signing out ends the session: a cookie copied before signing out opens no page and runs no action
// afterwards.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { serverActionId, signIn } from './helpers';

test.describe('sign-out', () => {
  test('a session cookie copied before signing out opens nothing afterwards', async ({ page, baseURL }) => {
    await signIn(page, 'admin');
    const cookies = await page.context().cookies();
    const copied = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin/);

    const replay = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: copied, origin: baseURL! } });
    const settings = await replay.get('/settings', { maxRedirects: 0 });
    expect(settings.status()).toBe(307);
    expect(settings.headers().location).toMatch(/\/signin/);
    const action = await replay.post('/settings', {
      headers: { 'Next-Action': serverActionId('planEnableSharingAction', 'settings/actions'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: '[{}]',
    });
    expect(await action.text()).toContain('Not signed in');
    await replay.dispose();
  });
});
