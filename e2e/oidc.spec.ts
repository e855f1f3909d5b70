// Protects: signing in through a real OpenID Connect provider: its groups decide admin, requester or viewer, a user in
// neither group is refused, and an ID token altered on its way (claims changed, signature kept) signs nobody in.
import { expect, test } from '@playwright/test';
import { signInWithProvider } from './helpers';

test('a member of the admin group is an admin', async ({ page }) => {
  await signInWithProvider(page, 'ada');
  await expect(page.getByTestId('signed-in-user')).toHaveText(/ada@idp\.test\s*admin/);
});

test('a member of the viewer group is a viewer', async ({ page }) => {
  await signInWithProvider(page, 'vic');
  await expect(page.getByTestId('signed-in-user')).toHaveText(/vic@idp\.test\s*viewer/);
});

test('a member of the requester group is a requester', async ({ page }) => {
  await signInWithProvider(page, 'rita');
  await expect(page.getByTestId('signed-in-user')).toHaveText(/rita@idp\.test\s*requester/);
});

test('a user in neither group is refused', async ({ page }) => {
  await signInWithProvider(page, 'otto');
  await expect(page.getByTestId('signin-refused')).toContainText('none of the groups');
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin/);
});

test('an ID token whose claims were altered after the provider signed it is refused', async ({ page }) => {
  // The provider puts mallory in "contractors"; on the way her token is rewritten to say "crossing-admins".
  await signInWithProvider(page, 'mallory');
  await expect(page.getByTestId('signin-refused')).toContainText('could not be verified');
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin/);
});
