// A real OpenID Connect provider (oidc-provider, on loopback) for the end-to-end run: playwright.config.ts starts
// it next to the console and points the console's AUTH_OIDC_* at it. Any password signs in; the login name picks
// the user. One user's ID token is altered on its way to the console, as someone between the two could.
import Provider, { type Configuration } from 'oidc-provider';

/** Login names and their groups (playwright.config.ts maps crossing-admins, crossing-requesters and crossing-viewers to roles). */
const USERS: Record<string, string[]> = {
  ada: ['crossing-admins'],
  vic: ['crossing-viewers'],
  rita: ['crossing-requesters'],
  otto: ['contractors'],
  // Her ID token is rewritten to put her in crossing-admins, its signature left as the provider made it.
  mallory: ['contractors'],
};
const TAMPERED = 'mallory';

function configuration(consoleUrl: string, clientId: string, clientSecret: string): Configuration {
  return {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${consoleUrl}/api/auth/callback/oidc`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The groups come with the profile scope, which the console asks for, as many providers' group mappers do.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    // Claims in the ID token itself (next-auth reads the profile from it), not only from the userinfo endpoint.
    conformIdTokenClaims: false,
    cookies: { keys: ['e2e-only-oidc-cookie-key-0123456789'] },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: () => ({ sub: id, email: `${id}@idp.test`, email_verified: true, name: id, groups: USERS[id] ?? [] }) };
    },
    // The console is a first-party client: no consent screen, every sign-in grants what it asks for.
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  };
}

/** The ID token with the payload changed and the header and signature kept. */
function tamper(idToken: string): string {
  const [header, payload, signature] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.groups = ['crossing-admins'];
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

function main(): void {
  const { E2E_OIDC_ISSUER, E2E_CONSOLE_URL, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET } = process.env;
  const issuer = new URL(E2E_OIDC_ISSUER!);
  const provider = new Provider(issuer.origin, configuration(E2E_CONSOLE_URL!, AUTH_OIDC_CLIENT_ID!, AUTH_OIDC_CLIENT_SECRET!));
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && body?.id_token) {
      const sub = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString('utf8')).sub;
      if (sub === TAMPERED) ctx.body = { ...body, id_token: tamper(body.id_token) };
    }
  });
  // Why the provider refused a code, in the test output (the console only hears "invalid_grant").
  provider.on('grant.error', (_ctx, error) => console.error(`e2e OpenID Connect provider refused a grant: ${error.message} (${(error as { error_detail?: string }).error_detail ?? 'no detail'})`));
  provider.listen(Number(issuer.port), issuer.hostname, () => console.log(`e2e OpenID Connect provider at ${issuer.origin}`));
}

main();
