// Protects: a page of another site cannot make the console change anything: its requests are refused with a
// plain 403 (also with no Origin, or a forged X-Forwarded-Host) and recorded in the audit log.
import { expect, test } from '@playwright/test';
import { serverActionId, signIn } from './helpers';

test.describe('cross-site requests', () => {
  test('a server action posted from another site is refused with 403 and audited', async ({ page, request }) => {
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' },
      {},
    ];
    for (const extra of attempts) {
      const response = await request.post('/settings', {
        headers: { 'Next-Action': serverActionId('planEnableSharingAction', 'settings/actions'), 'Content-Type': 'text/plain;charset=UTF-8', ...extra },
        data: '[{}]',
      });
      expect(response.status(), JSON.stringify(extra)).toBe(403);
      expect(response.headers()['content-type']).toMatch(/^text\/plain/);
      expect(await response.text()).toContain('Cross-site request refused');
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
      expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    await signIn(page, 'admin');
    await page.goto('/audit?action=cross-site');
    const row = page.getByTestId('audit-table').locator('tbody tr').first();
    await expect(row).toContainText('cross-site request');
    await expect(row).toContainText('denied');
    await expect(row).toContainText('anonymous');
  });
});
