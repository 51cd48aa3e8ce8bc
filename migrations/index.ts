import { WalkingSkeleton1764057600000 } from './1764057600000-walking-skeleton';

/** Every migration, in order. Listed explicitly so that no loader has to glob TypeScript files. */
export const migrations = [WalkingSkeleton1764057600000];
