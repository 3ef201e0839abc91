import { Type } from '@sinclair/typebox';
import { ComponentSchema, MeasurementTypeSchema, SensorAlertTypeSchema } from './cbv.js';
import { dateTime, extensible, uri } from './fields.js';

/** Facts about the sensor device and the data processing behind its reports. */
export const SensorMetadataSchema = Type.Object(
  {
    time: Type.Optional(dateTime({ description: 'When the reported values were measured.' })),
    deviceID: Type.Optional(uri({ description: 'The sensor device.' })),
    deviceMetadata: Type.Optional(uri({ description: 'Where to find master data about the device.' })),
    rawData: Type.Optional(uri({ description: 'Where to find the raw sensor data.' })),
    startTime: Type.Optional(dateTime({ description: 'Start of the measuring interval.' })),
    endTime: Type.Optional(dateTime({ description: 'End of the measuring interval.' })),
    dataProcessingMethod: Type.Optional(uri({ description: 'How the raw data was processed.' })),
    bizRules: Type.Optional(uri({ description: 'The business rules the values were checked against.' })),
  },
  { title: 'Sensor metadata', ...extensible },
);

const decimal = (description: string) => Type.Optional(Type.Number({ description }));

/** One measured value (or statistic, or alert) reported by a sensor. */
export const SensorReportSchema = Type.Object(
  {
    type: MeasurementTypeSchema,
    exception: Type.Optional(SensorAlertTypeSchema),
    deviceID: Type.Optional(uri({ description: 'The sensor device, if different from the metadata.' })),
    deviceMetadata: Type.Optional(uri()),
    rawData: Type.Optional(uri()),
    dataProcessingMethod: Type.Optional(uri()),
    bizRules: Type.Optional(uri()),
    time: Type.Optional(dateTime({ description: 'When this value was measured.' })),
    microorganism: Type.Optional(uri({ description: 'The microorganism measured, as a taxonomy URI.' })),
    chemicalSubstance: Type.Optional(uri({ description: 'The chemical substance measured, e.g. an InChIKey URI.' })),
    coordinateReferenceSystem: Type.Optional(uri()),
    value: decimal('The measured value, in uom.'),
    component: Type.Optional(ComponentSchema),
    stringValue: Type.Optional(Type.String()),
    booleanValue: Type.Optional(Type.Boolean()),
    hexBinaryValue: Type.Optional(Type.String({ pattern: '^[A-Fa-f0-9]+$', description: 'A value in hexadecimal.' })),
    uriValue: Type.Optional(uri()),
    minValue: decimal('Minimum over the interval.'),
    maxValue: decimal('Maximum over the interval.'),
    meanValue: decimal('Mean over the interval.'),
    sDev: decimal('Standard deviation over the interval.'),
    percRank: decimal('Percentile rank of percValue.'),
    percValue: decimal('Value at percentile percRank.'),
    uom: Type.Optional(Type.String({ description: 'UN/CEFACT Rec. 20 unit code of the values, e.g. CEL.' })),
  },
  { title: 'Sensor report', ...extensible },
);

/** A sensor's metadata together with the values it reported. */
export const SensorElementSchema = Type.Object(
  {
    sensorMetadata: Type.Optional(SensorMetadataSchema),
    sensorReport: Type.Array(SensorReportSchema, { minItems: 1 }),
  },
  { title: 'Sensor element', ...extensible },
);
