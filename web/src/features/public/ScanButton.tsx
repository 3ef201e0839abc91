import { ScanOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';

interface DetectedBarcode {
  rawValue: string;
}

declare global {
  interface Window {
    /** The Shape Detection API: Chrome on Android has it, most other browsers do not. */
    BarcodeDetector?: new (options: { formats: string[] }) => { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
  }
}

/** Whether this browser can read a QR code from the camera itself; elsewhere the phone's camera app opens the label's URL. */
export function canScan(): boolean {
  return typeof window !== 'undefined' && !!window.BarcodeDetector && !!navigator.mediaDevices?.getUserMedia;
}

/** Reads a label's QR code (or a GS1 DataMatrix) with the phone's back camera and hands over what it says. */
export function ScanButton({ onScan }: { onScan: (text: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="large" icon={<ScanOutlined />} onClick={() => setOpen(true)} aria-label={t('扫码', 'Scan')} />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('扫描追溯码', 'Scan a trace code')} destroyOnHidden>
        {open && <Scanner onScan={(text) => { setOpen(false); onScan(text); }} />}
      </Modal>
    </>
  );
}

function Scanner({ onScan }: { onScan: (text: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<string>();
  // The camera starts once per opening, not again whenever the parent hands a new callback.
  const handOver = useRef(onScan);
  useEffect(() => { handOver.current = onScan; });

  useEffect(() => {
    const Detector = window.BarcodeDetector;
    if (!Detector) return;
    const detector = new Detector({ formats: ['qr_code', 'data_matrix'] });
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then((s) => {
      stream = s;
      if (stopped || !video.current) {
        s.getTracks().forEach((track) => track.stop());
        return;
      }
      video.current.srcObject = s;
      // Reading starts at once: detect() refuses frames until the video plays, and play() may wait for a tap on iOS.
      video.current.play().catch(() => undefined);
      timer = setInterval(() => {
        if (!video.current) return;
        detector.detect(video.current).then((found) => {
          const text = found[0]?.rawValue;
          if (text && !stopped) { stopped = true; handOver.current(text); }
        }, () => undefined);
      }, 300);
    }, () => setFailure(t('无法打开摄像头，请在浏览器设置中允许使用摄像头', 'The camera cannot be opened; allow it in the browser’s settings')));
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [t]);

  if (failure) return <Typography.Text type="danger">{failure}</Typography.Text>;
  return <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000' }} />;
}
