import type { FastifyRequest } from 'fastify';
import type { Principal } from './principal';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
