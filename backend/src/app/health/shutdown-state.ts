import { Injectable } from '@nestjs/common';

/**
 * Whether the process is shutting down (set by main.ts on SIGTERM/SIGINT): readiness answers 503 from then on,
 * for a load balancer that still holds a keep-alive connection to it.
 */
@Injectable()
export class ShutdownState {
  stopping = false;
}
