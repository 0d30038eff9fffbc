import { Module } from '@nestjs/common';
import path from 'node:path';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ATTACHMENT_STORAGE } from './attachment-storage';
import { LocalDiskStorage } from './local-disk.storage';

/** Provides ATTACHMENT_STORAGE: the local disk under DATA_DIR/attachments (swap the factory for another store). */
@Module({
  providers: [
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(path.resolve(config.dataDir, 'attachments')),
    },
  ],
  exports: [ATTACHMENT_STORAGE],
})
export class AttachmentStorageModule {}
