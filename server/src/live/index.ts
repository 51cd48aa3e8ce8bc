// The front door of the live module: all that other modules and the app may use of it.
export { startDelivery } from './live.delivery';
export { createGateway } from './live.gateway';
export { authenticateSocket, isOwnOrigin, sessionOnHandshake, type LiveIo } from './live.handshake';
