import { Controller, Get, Param, ParseIntPipe, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminPrincipal } from '../../../common/auth/access';
import { AnyAdmin, Roles } from '../../../common/auth/access.decorators';
import { CurrentAdmin } from '../../../common/auth/current-admin.decorator';
import { ErrorCode } from '../../../common/errors/error-code';
import { ApiErrors } from '../../../common/http/api-answers';
import { UploadBroadcastMediaCommand } from '../commands/upload-broadcast-media.command';
import { MEDIA_MAX_BYTES } from '../domain/media-upload';
import { MediaLibrary } from '../persistence/media-library';
import { MEDIA_FIELD, MediaUploadInterceptor } from './media-upload.interceptor';

export class UploadedMediaAnswer {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({ example: 'upload:12', description: "Put into a broadcast's `media` as is" })
  media: string;
  @ApiProperty({ enum: ['photo', 'video'], description: "The broadcast's contentType must match" })
  kind: 'photo' | 'video';
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'video/mp4'] }) mimeType: string;
  @ApiProperty({ example: 'мишки.jpg' }) fileName: string;
  @ApiProperty({ example: 183_224 }) sizeBytes: number;
  @ApiProperty({ description: 'The client bot has sent it before: later sends reuse Telegram’s copy' })
  sentBefore: boolean;
}

const MB = (bytes: number) => `${bytes / 1024 / 1024} MB`;

@ApiTags('broadcasts')
@Controller('api/v1/broadcast-media')
export class BroadcastMediaController {
  constructor(
    private readonly commands: CommandBus,
    private readonly library: MediaLibrary,
  ) {}

  @Post()
  @Roles('owner', 'marketing')
  @UseInterceptors(MediaUploadInterceptor)
  @ApiOperation({
    summary: 'Upload a photo or video for broadcasts; use the answer’s `media` in a draft',
    description:
      `multipart/form-data, the file in the field \`${MEDIA_FIELD}\`. A JPEG or PNG photo up to ` +
      `${MB(MEDIA_MAX_BYTES.photo)} or an MP4 video up to ${MB(MEDIA_MAX_BYTES.video)} (Telegram's limits), ` +
      'the type read from the bytes. The file is kept in the database; the first send of a broadcast ' +
      "uploads it to Telegram and every later send uses Telegram's file_id. The same bytes uploaded " +
      'again give the same answer. MEDIA_INVALID (not multipart, no file, an empty one), ' +
      'MEDIA_TYPE_UNSUPPORTED (415), MEDIA_TOO_LARGE (413).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [MEDIA_FIELD],
      properties: { [MEDIA_FIELD]: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadedMediaAnswer })
  @ApiErrors(ErrorCode.MEDIA_INVALID, ErrorCode.MEDIA_TYPE_UNSUPPORTED, ErrorCode.MEDIA_TOO_LARGE)
  upload(@Req() request: Request, @CurrentAdmin() admin: AdminPrincipal): Promise<UploadedMediaAnswer> {
    // MediaUploadInterceptor refuses the request unless it holds the file.
    const file = request.file as Express.Multer.File;
    return this.commands.execute(new UploadBroadcastMediaCommand(file.buffer, file.originalname, admin.id));
  }

  @Get(':id')
  @AnyAdmin()
  @ApiOperation({ summary: 'The uploaded file itself, for the preview; MEDIA_NOT_FOUND' })
  @ApiProduces('image/jpeg', 'image/png', 'video/mp4')
  @ApiOkResponse({
    description: 'The bytes as uploaded, with their type',
    content: Object.fromEntries(
      ['image/jpeg', 'image/png', 'video/mp4'].map((type) => [
        type,
        { schema: { type: 'string', format: 'binary' } },
      ]),
    ),
  })
  @ApiErrors(ErrorCode.MEDIA_NOT_FOUND)
  async file(@Param('id', ParseIntPipe) id: number, @Res() response: Response): Promise<void> {
    const media = await this.library.get(id);
    const bytes = await this.library.bytesOf(id);
    response
      .status(200)
      .set({
        'Content-Type': media.mimeType,
        'Content-Length': String(bytes.length),
        // The bytes of an upload never change; only admins may read them.
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': `inline; filename="${media.kind}-${media.id}.${media.mimeType.split('/')[1]}"`,
      })
      .end(bytes);
  }
}
