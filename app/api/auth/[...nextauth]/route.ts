// next-auth's routes (OIDC callback, sign-out, session). next-auth builds its URLs here from the request's URL,
// but in server actions (sign-in) from X-Forwarded-Host and -Proto: the OIDC redirect URI must be the same both
// times, or the provider refuses the code. The request's URL is not the browser's: Next names every loopback
// host "localhost" (its NextURL rewrites 127.0.0.1 and [::1]). So these requests get the URL the browser used.
// scripts/serve.ts keeps those headers only from trusted proxies; otherwise Next sets them from the Host header
// and the socket. With AUTH_URL, next-auth uses that itself.
import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';

// A chain of proxies lists one value each; the first is the browser's.
const first = (value: string | null) => value?.split(',')[0]?.trim();

function asTheBrowserSent(request: NextRequest): NextRequest {
  const host = first(request.headers.get('x-forwarded-host'));
  const proto = first(request.headers.get('x-forwarded-proto'));
  if (process.env.AUTH_URL || !host || !proto) return request;
  const url = new URL(request.url);
  url.protocol = `${proto}:`;
  url.host = host;
  // A plain Request, as a NextRequest would say "localhost" again; next-auth reads `nextUrl` only with AUTH_URL.
  return new Request(url, request) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(asTheBrowserSent(request));
export const POST = (request: NextRequest) => handlers.POST(asTheBrowserSent(request));
