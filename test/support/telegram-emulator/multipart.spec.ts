import { multipartBoundary, parseMultipart } from './multipart';

describe('parseMultipart', () => {
  it('splits text fields and file parts, keeping binary file bytes intact', () => {
    const file = Buffer.from([0, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\ncontent-disposition:form-data; name="chat_id"\r\n\r\n42\r\n--XyZ\r\n'),
      Buffer.from(
        'content-disposition: form-data; name="photo"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n--XyZ--'),
    ]);

    const parts = parseMultipart(body, multipartBoundary('multipart/form-data; boundary=XyZ') ?? '');

    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({ name: 'chat_id', filename: undefined });
    expect(parts[0].data.toString()).toBe('42');
    expect(parts[1]).toMatchObject({ name: 'photo', filename: 'a.jpg', contentType: 'image/jpeg' });
    expect(parts[1].data.equals(file)).toBe(true);
  });

  it('rejects a body that is not terminated', () => {
    expect(() =>
      parseMultipart(Buffer.from('--b\r\ncontent-disposition: form-data; name="x"\r\n\r\n1'), 'b'),
    ).toThrow('not terminated');
  });
});
