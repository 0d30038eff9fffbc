import { HttpErrorResponse } from '@angular/common/http';
import { fileSize, uploadErrorKey } from './attachments.component';

describe('attachment messages', () => {
  it('name a file too large (413) and a type refused (415)', () => {
    expect(uploadErrorKey(new HttpErrorResponse({ status: 413 }))).toBe('proposal.attachments.tooLarge');
    expect(uploadErrorKey(new HttpErrorResponse({ status: 415 }))).toBe('proposal.attachments.badType');
    expect(uploadErrorKey(new HttpErrorResponse({ status: 409 }))).toBe('proposal.attachments.notNow');
    expect(uploadErrorKey(new HttpErrorResponse({ status: 500 }))).toBe('proposal.attachments.failed');
  });

  it('give sizes in B, KB and MB', () => {
    expect(fileSize(512)).toBe('512 B');
    expect(fileSize(2048)).toBe('2.0 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
