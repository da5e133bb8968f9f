import "server-only";
import { hashPassword as betterAuthHash } from "better-auth/crypto";

/** The same hash better-auth verifies at sign-in (scrypt, its default), for users created outside its sign-up. */
export const hashPassword = (password: string): Promise<string> => betterAuthHash(password);
