// What the clinician asks to be screened for today: indications with zones, and the device.

export interface RequestForm {
  indication: string;
  zones: string[];
  deviceKind: string;
  deviceCleared: boolean;
  deviceMaxDepth: string;
  needleMaterial: string;
}

export function emptyRequestForm(): RequestForm {
  return { indication: '', zones: [], deviceKind: '', deviceCleared: true, deviceMaxDepth: '', needleMaterial: '' };
}

export interface ConsultRequest {
  requests: { indication: string; zones: string[] }[];
  device?: { kind: string; cleared: boolean; max_depth_mm?: number; needle_material?: string };
}

/** The body of POST /clients/{id}/screenings; the device is left out when no kind is chosen. */
export function toConsultRequest(form: RequestForm): ConsultRequest {
  const body: ConsultRequest = { requests: [{ indication: form.indication, zones: form.zones }] };
  if (form.deviceKind) {
    const device: NonNullable<ConsultRequest['device']> = { kind: form.deviceKind, cleared: form.deviceCleared };
    if (form.deviceMaxDepth.trim() !== '') device.max_depth_mm = Number(form.deviceMaxDepth);
    if (form.needleMaterial) device.needle_material = form.needleMaterial;
    body.device = device;
  }
  return body;
}
