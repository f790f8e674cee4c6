import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateMessageTemplateBody {
  @ApiProperty({
    description:
      'Telegram HTML (<b>, <i>, <u>, <s>, <code>, <pre>, <a href>, <tg-spoiler>, <blockquote>) with the placeholders listed for the key, e.g. {first_name}',
    example: 'Здравствуйте, <b>{first_name}</b>! 🍬',
  })
  @IsString()
  @MaxLength(4096)
  text: string;
}

export class PreviewMessageBody {
  @ApiPropertyOptional({ description: 'A draft to preview instead of the stored text' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  text?: string;

  @ApiPropertyOptional({
    description: 'Values for placeholders; sample values fill the rest',
    example: { first_name: 'Олег' },
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, string>;
}

export class MessageTemplateResponse {
  @ApiProperty({ example: 'welcome' }) key: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [String], example: ['first_name'] }) placeholders: string[];
  @ApiProperty({ type: Number, nullable: true }) updatedByAdminId: number | null;
  @ApiProperty() updatedAt: Date;
}

export class PreviewResponse {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'The text as the client would receive it (Telegram HTML)' }) html: string;
}
