import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';
import { AttachmentStorageModule } from './attachment-storage.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { AttachmentUploadEngine } from './upload-engine';

/** Attachments of proposals and replies: streamed in (type from the content, size and count limited) and out. */
@Module({
  imports: [
    AttachmentStorageModule,
    WorkflowModule,
    MulterModule.registerAsync({
      imports: [AttachmentStorageModule],
      inject: [APP_CONFIG, ATTACHMENT_STORAGE],
      useFactory: (config: AppConfig, storage: AttachmentStorage) => ({
        storage: new AttachmentUploadEngine(storage),
        limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 5, parts: 6 },
        // browsers send UTF-8 file names (附件.pdf) without saying so
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [AttachmentsService],
})
export class AttachmentsModule {}
