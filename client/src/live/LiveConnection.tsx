import { useEffect } from 'react';
import { liveConnection } from './live-connection';

/** Rendered inside the signed-in shell: connected while someone is signed in, closed at sign-out. */
export function LiveConnection() {
  useEffect(() => {
    liveConnection.start();
    return () => liveConnection.stop();
  }, []);
  return null;
}
