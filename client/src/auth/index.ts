// The front door of the auth module: setting up two-step verification (also from "Mijn account").
export { EnrollTotp } from './EnrollTotp';
