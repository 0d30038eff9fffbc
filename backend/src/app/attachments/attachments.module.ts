import { Module } from '@nestjs/common';
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
  imports: [AttachmentStorageModule, WorkflowModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    {
      provide: AttachmentUploadEngine,
      inject: [ATTACHMENT_STORAGE, APP_CONFIG],
      useFactory: (storage: AttachmentStorage, config: AppConfig) => new AttachmentUploadEngine(storage, config.attachmentMaxBytes),
    },
  ],
})
export class AttachmentsModule {}
