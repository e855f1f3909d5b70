// What Next.js and the console's routes need of next-auth, configured in lib/auth/next-auth.ts.
export { auth, handlers, signIn, signOut } from './lib/auth/next-auth';
