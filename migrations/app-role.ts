/**
 * The database role the application connects as. It owns nothing; migrations (run as the owner)
 * grant it what it needs. Configurable for managed databases whose roles are named otherwise.
 */
export function appRoleName(): string {
  const name = process.env.DATABASE_APP_ROLE ?? 'uitstroom_app';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`DATABASE_APP_ROLE is not a plain role name: ${name}`);
  return name;
}
