import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * SMTP through nodemailer, configured by SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD and
 * MAIL_FROM. Without SMTP_HOST e-mail is off: the process says so once at start and in-app notifications go on.
 */
@Injectable()
export class Mailer implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtp = config.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  onModuleInit(): void {
    const smtp = this.config.smtp;
    if (smtp) this.log.log(`e-mail through SMTP ${smtp.host}:${smtp.port}${smtp.secure ? ' (TLS)' : ''} from ${this.config.mailFrom}`);
    else this.log.warn('e-mail is off: SMTP_HOST is not set (notifications go to the in-app inbox only)');
  }

  /** Sends one message; throws what the SMTP server answered when it refuses. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('e-mail is off (SMTP_HOST is not set)');
    const info = (await this.transport.sendMail({ from: this.config.mailFrom, ...mail })) as { messageId: string };
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
