# Textos de la interfaz en español. El inglés (en.ftl) es el idioma de referencia.
# Cada idioma tiene exactamente los mismos ids (`leg-pain-guide check` dice dónde falta uno).
# { $number } es el número de emergencias de la configuración. Los valores empiezan después de "= ";
# un valor que debe empezar o terminar con un espacio se escribe { " así " }.

language-name = Español
site-name = Dolor de piernas por la noche
site-about = Dolor de piernas por la noche
og-locale = es_US

## El diseño alrededor de cada página

layout-skip-link = Saltar al contenido principal
layout-site-menu = Sitio
layout-footer-menu = Pie de página
layout-languages = Idioma
layout-warning-signs = Señales de alarma
layout-strip-lead = Busque ayuda médica ahora:
layout-strip-text = llame al { $number } si { $signs }.
layout-strip-or = {", o si "}
layout-strip-link = Señales de alarma
layout-embed-credit-before = Tomado de
layout-embed-credit-after = información en palabras sencillas sobre el dolor de piernas por la noche. No es un diagnóstico.
layout-disclaimer = Este sitio explica el dolor de piernas por la noche en palabras sencillas. No es un diagnóstico y no reemplaza el consejo de un médico o una enfermera que conozca su caso.
layout-privacy-line = Sin cookies. Sin rastreadores. No se guarda nada de lo que usted ingresa.

## Páginas de contenido

page-guide-contents = Contenido de la guía
page-on-this-page = En esta página
page-previous-next = Páginas anterior y siguiente
page-previous = Anterior
page-next = Siguiente
page-sources = Fuentes
page-not-advice = Esta página es información general. No reemplaza el consejo de un profesional de la salud. Si algo le preocupa, hable con un médico.
page-last-reviewed = Última revisión de la página:
page-next-review = Próxima revisión:
page-reading-grade = Nivel de lectura: más o menos { $grade }.º grado
page-reading-ease = Facilidad de lectura: { $score } de 100 ({ $band }) en la escala INFLESZ
page-review-overdue-title = La revisión de esta página está atrasada.
page-review-overdue = Se debía comparar con sus fuentes antes de la fecha de abajo, y eso todavía no se ha hecho. Si algo de esta página le preocupa, consulte a un médico o una enfermera.

date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

source-000 = guía de síntomas de Docus, en inglés, 15 de abril de 2024, docus.ai/symptoms-guide/understanding-aching-legs-at-night
source-001 = en inglés, no dice quién lo publica, sin fecha

# Los niveles de la escala de lectura INFLESZ (para las páginas en español).
inflesz-very-hard = muy difícil
inflesz-somewhat-hard = algo difícil
inflesz-normal = normal
inflesz-fairly-easy = bastante fácil
inflesz-very-easy = muy fácil

## Tarjetas de atención: lo primero que oyen quienes usan un lector de pantalla

card-emergency-prefix = Se necesita actuar de inmediato:
card-urgent-prefix = Consejo urgente:
card-non-urgent-prefix = Consejo no urgente:
card-self-care-prefix = Consejo para cuidarse en casa:

# Títulos de las tarjetas de señales de alarma, hechos con las reglas de cada nivel.
signs-emergency-heading = Llame ahora al { $number } o vaya a la sala de emergencias si
signs-urgent-heading = Comuníquese con un médico dentro de las 24 horas (si el consultorio está cerrado, con su línea fuera de horario o con un centro de atención de urgencias) si
signs-routine-heading = Pida una cita con su médico si

## La revisión de síntomas: las preguntas

form-section-warning_signs = Señales de alarma
form-section-warning_signs-intro = Estas preguntas van primero porque algunas señales necesitan atención rápida.
form-section-about_the_pain = Sobre el dolor
form-section-anything_else = Algo más (opcional)
form-section-anything_else-intro = Marque las que correspondan. Puede dejarlas en blanco.

answer-yes = Sí
answer-no = No
answer-unsure = No lo sé

q-one_leg_signs = ¿Una de sus piernas está hinchada, roja, caliente o le duele al tocarla?
q-one_leg_signs-hint = Responda sí si una pierna, o una parte de una pierna, tiene alguna de estas señales más que la otra. Si las dos piernas están igual de hinchadas, rojas o calientes, o si no lo puede saber, responda No lo sé. Mire las dos piernas, tóquelas y compárelas.
q-breathless = ¿Le falta el aire (algo nuevo, o más de lo normal para usted) o tiene dolor en el pecho?
q-numbness = ¿Tiene entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad en la pierna o el pie?
q-skin_changes = ¿Ha cambiado la piel de su pierna o de su pie?
q-skin_changes-hint = Por ejemplo, un color nuevo, piel brillante o llagas que no sanan.
q-injury = ¿El dolor empezó después de una lesión en la pierna?

q-severity = ¿Qué tan fuerte es el dolor?
q-severity-mild = Leve
q-severity-moderate = Moderado
q-severity-severe = Intenso

q-onset = ¿Cuándo empezó el dolor?
q-onset-days = Hace días
q-onset-days-hint = En la última semana
q-onset-weeks = Hace semanas
q-onset-weeks-hint = Hace entre una y cuatro semanas
q-onset-months = Hace meses
q-onset-months-hint = Hace más de un mes

q-frequency = ¿Con qué frecuencia tiene el dolor?
q-frequency-occasional = De vez en cuando
q-frequency-occasional-hint = Algunas veces, pero no la mayoría de las noches
q-frequency-most_nights = La mayoría de las noches

q-course = En los últimos días, ¿cómo ha cambiado el dolor?
q-course-better = Está mejorando
q-course-same = Está más o menos igual
q-course-worse = Está empeorando

q-sleep_impact = ¿Cuánto afecta el dolor a su sueño o a su vida diaria?
q-sleep_impact-little = Poco
q-sleep_impact-some = Algo
q-sleep_impact-a_lot = Mucho
q-sleep_impact-a_lot-hint = Le altera mucho el sueño o las actividades del día

q-home_care = ¿Ha probado el cuidado en casa durante unos días?
q-home_care-hint = Por ejemplo, estiramientos, masajes, calor y tomar suficiente agua.
q-home_care-not_tried = No, todavía no
q-home_care-helped = Sí, y me ayudó
q-home_care-not_helped = Sí, pero no me ha ayudado

q-feelings = ¿Cómo se siente el dolor?
q-feelings-hint = Marque todas las que correspondan. Déjelas todas en blanco si ninguna corresponde.
q-feelings-cramp = Calambre
q-feelings-cramp-hint = Un músculo que de repente se pone duro y duele
q-feelings-urge_to_move = Ganas de mover las piernas
q-feelings-urge_to_move-hint = Se calman cuando las mueve
q-feelings-burning_tingling = Ardor u hormigueo
q-feelings-shooting_from_back = Dolor como una descarga
q-feelings-shooting_from_back-hint = Baja por la pierna desde la parte baja de la espalda o desde la nalga
q-feelings-aching_throbbing = Dolor sordo o pulsátil (como latidos)
q-feelings-heaviness = Piernas pesadas
q-feelings-tired_legs = Piernas cansadas
q-feelings-tired_legs-hint = Siente las piernas cansadas o agotadas
q-feelings-joint_stiffness = Articulaciones rígidas y adoloridas

q-conditions = ¿Tiene alguno de estos problemas de salud?
q-conditions-hint = Marque todos los que correspondan. Déjelos todos en blanco si ninguno corresponde.
q-conditions-diabetes = Diabetes
q-conditions-heart_disease = Enfermedad del corazón
q-conditions-blood_clot_history = Un coágulo de sangre en el pasado
q-conditions-varicose_veins = Várices
q-conditions-varicose_veins-hint = Venas agrandadas y retorcidas
q-conditions-arthritis = Artritis

q-factors = ¿Alguna de estas cosas es su caso?
q-factors-hint = Marque todas las que correspondan. Déjelas todas en blanco si ninguna corresponde.
q-factors-long_standing_or_exercise = Muchas horas de pie, o ejercicio intenso
q-factors-long_sitting = Estar sentado sin moverse por mucho tiempo
q-factors-little_water = Tomar poca agua
q-factors-smoking = Fumar
q-factors-alcohol = Tomar mucho alcohol

## La revisión de síntomas: el formulario

form-privacy = Sus respuestas se usan una sola vez para mostrarle su resultado. No se guardan, y no se ponen en la dirección de la página.
form-heading = Revise sus síntomas
form-description = Unas preguntas cortas sobre su dolor de piernas que le dicen qué tan pronto buscar ayuda.
form-step-signs = Paso 1 de 2, señales de alarma
form-step-details = Paso 2 de 2, sobre su dolor
form-step-1-of-2 = Paso 1 de 2: primero, las señales de alarma
form-step-2-of-2 = Paso 2 de 2: sobre su dolor
form-sign-answers-heading = Sus respuestas sobre las señales de alarma
form-sign-answers-change = Para cambiarlas, use el botón que está al final de esta página. No se perderá nada de lo que escribió.
form-no-time-limit = No hay límite de tiempo. Tómese el tiempo que necesite.
form-continue = Continuar
form-change-signs = Cambiar mis respuestas sobre las señales de alarma
notice-heading = Según sus respuestas hasta ahora: comuníquese con un médico dentro de las 24 horas
notice-now-or-later = Puede ver su resultado ahora. O responda primero las preguntas de abajo y use el botón del final: así su resultado también mostrará posibles causas y un resumen más completo para su cita.
notice-see-result-now = Ver mi resultado ahora
notice-now-leaves-out = Este botón deja fuera lo que responda más abajo en esta página.
form-submit = Ver mi resultado
form-error-title-prefix = {"Error: "}
form-error-summary-title = Hay un problema
form-error-prefix = Error:
form-missing-sign = Responda sí, no o no lo sé: { $question }
form-missing-one-of = Elija una respuesta: { $question }
form-error-not-an-option = Elija una de las respuestas de la lista
form-error-more-than-one = Elija solo una respuesta
form-error-not-listed = Elija solo respuestas de la lista

## La revisión de síntomas: el resultado

result-page-title = Su resultado
result-page-description = El resultado de la revisión de síntomas del dolor de piernas por la noche.
result-heading = El resultado de su revisión de síntomas
result-how-it-works = Cómo decide la revisión de síntomas
result-not-diagnosis = Este resultado no es un diagnóstico. Solo un médico o una enfermera que le haga un examen puede saber qué le causa el dolor.
result-early-heading = Preguntas que no respondió
result-early-intro = Sus respuestas sobre las señales de alarma bastaron para saber qué tan pronto buscar ayuda, así que le mostramos su resultado de inmediato. No respondió estas preguntas, así que puede que el resultado no muestre todas las posibles causas:
result-why = Por qué obtuvo este resultado
result-causes-heading = Posibles causas para hablar con un médico
result-causes-intro = Sus respuestas tienen algo en común con estas causas del dolor de piernas por la noche. Esto no es un diagnóstico: un médico le puede decir más.
result-causes-heading-self-care = Causas que coinciden con algunas de sus respuestas
result-causes-intro-self-care = Algunas causas del dolor de piernas por la noche coinciden con algunas de sus respuestas. Esto no es un diagnóstico. Lea sobre ellas para saber más.
result-causes-none = Sus respuestas no apuntaron a ninguna causa en particular.
result-causes-none-link = Lea sobre las causas comunes.
result-come-back = Busque ayuda antes si
result-come-back-emergency = Busque ayuda médica ahora si nota
result-come-back-emergency-group = Mientras espera la ayuda, llame de inmediato al { $number } si estas señales empiezan, vuelven o empeoran:
result-home-care-heading = Lo que puede hacer en casa
result-home-care-limits = Estos pasos alivian el dolor en el momento. No tratan un problema de salud que pueda estar causándolo.
result-withheld-lead = Dejamos fuera algunos pasos de cuidado en casa por sus respuestas:
result-withheld-ask = Pregunte a su médico o al farmacéutico cuáles son seguros para usted.
list-and = {" y "}
list-comma = {", "}
result-home-care-more = Más sobre el alivio en casa
result-summary-heading = Lleve esto a su cita
result-summary-heading-emergency = Muestre esto al médico o a la enfermera
result-summary-intro = Imprima esta página o muéstrela en su teléfono. No se guarda nada de lo que respondió: cuando salga de esta página, se borra.
result-summary-date = Fecha:
result-summary-result = Resultado:
result-summary-none = No marcó ninguna
result-summary-not-answered = Sin responder
result-restart = Empezar de nuevo la revisión de síntomas

urgency-self_care-title = Pruebe primero el cuidado en casa
urgency-self_care-advice = Vea a un médico si aparece alguna de las señales de alarma de abajo, o si el dolor no mejora después de unos días de cuidado en casa.
urgency-routine-title = Pida una cita con su médico
urgency-routine-advice = Mientras espera, el cuidado en casa puede ayudar. Si no tiene un médico de cabecera, puede ir a un centro de salud comunitario o a un centro de atención de urgencias.
urgency-urgent-title = Comuníquese con un médico dentro de las 24 horas
urgency-urgent-advice = Llame al consultorio de su médico en cuanto abra. Si no va a abrir dentro de las 24 horas, por ejemplo de noche o en fin de semana, llame a su línea fuera de horario o vaya a un centro de atención de urgencias. Si no tiene un médico de cabecera, vaya a un centro de atención de urgencias.
urgency-emergency-title = Busque ayuda médica ahora
urgency-emergency-advice = Llame al { $number } o vaya ahora a la sala de emergencias.

## Las reglas: el motivo que ve la persona, la señal de alarma en una lista y el pasaje de la fuente

rule-E1-reason = Usted dijo que una de sus piernas está hinchada, roja, caliente o le duele al tocarla. Esto puede ser señal de un coágulo de sangre en una vena profunda (trombosis venosa profunda, TVP), que necesita ayuda médica de inmediato.
rule-E1-sign = una de sus piernas, o cualquier parte de una pierna, está hinchada, roja, caliente o le duele al tocarla
rule-E1-source = 001 (traducción nuestra): «El dolor de piernas con hinchazón, enrojecimiento, calor o dolor al tocar en una pierna … podría indicar una trombosis venosa profunda (TVP) y requiere atención médica inmediata». 000 (traducción nuestra): «Se recomienda atención médica inmediata si tiene hinchazón, enrojecimiento o aumento del calor en una parte específica de la pierna»
rule-E2-reason = Usted dijo que le falta el aire o tiene dolor en el pecho. Junto con el dolor de piernas, esto puede significar que un coágulo de sangre llegó a los pulmones, u otro problema grave. Busque ayuda de inmediato.
rule-E2-sign = le falta el aire (algo nuevo, o más de lo normal para usted) o tiene dolor en el pecho
rule-E2-source = 001 (traducción nuestra): la TVP «es una emergencia médica por el riesgo de que el coágulo viaje a los pulmones».
rule-E2-reading = La fuente nombra el peligro, que un coágulo viaje a los pulmones, pero no esta señal. Preguntar por la falta de aire y el dolor en el pecho es nuestra decisión de seguridad.
rule-U1-reason = Sus respuestas incluyen entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad en la pierna o el pie, o una sensación de ardor u hormigueo. Estas son señales importantes que debe contarle a un médico.
rule-U1-sign = tiene entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad en la pierna o el pie, o una sensación de ardor u hormigueo
rule-U1-source = 001 (traducción nuestra): «El entumecimiento, el hormigueo o la debilidad en la pierna o el pie … son señales importantes que hay que informar».
rule-U2-reason = Usted dijo que la piel de su pierna o de su pie ha cambiado: un color nuevo, piel brillante o llagas que no sanan. Estas son señales importantes que debe contarle a un médico.
rule-U2-sign = la piel de su pierna o de su pie ha cambiado: un color nuevo, piel brillante o llagas que no sanan
rule-U2-source = 001 (traducción nuestra): «los cambios en el aspecto de la piel, como cambios de color, brillo o llagas que no sanan, son señales importantes que hay que informar».
rule-U3-reason = Usted dijo que el dolor empezó después de una lesión en la pierna. Un médico debe revisar el dolor de pierna que aparece después de una lesión.
rule-U3-sign = el dolor empezó después de una lesión en la pierna
rule-U3-source = 001 (traducción nuestra): «Si el dolor de piernas aparece después de una lesión … se recomienda una consulta médica».
rule-U4-reason = Usted tiene al menos uno de estos problemas: diabetes, una enfermedad del corazón o un coágulo de sangre en el pasado, y su dolor de piernas es nuevo o está empeorando. Las personas con estos problemas de salud deben pedir consejo médico dentro de las 24 horas cuando esto pasa.
rule-U4-sign = tiene diabetes o una enfermedad del corazón, o ha tenido un coágulo de sangre, y su dolor de piernas es nuevo o está empeorando
rule-U4-source = 001 (traducción nuestra): «Las personas con problemas de salud previos, como diabetes, enfermedad del corazón o antecedentes de coágulos de sangre, deben … pedir consejo pronto si tienen dolor de piernas por la noche nuevo o que empeora».
rule-U5-reason = Usted dijo que el dolor está empeorando. El dolor de piernas que empeora necesita el consejo de un médico dentro de las 24 horas.
rule-U5-sign = el dolor está empeorando
rule-U5-source = 000 (traducción nuestra): «Se recomienda atención médica inmediata si tiene hinchazón, enrojecimiento o aumento del calor en una parte específica de la pierna, o si los síntomas continúan o empeoran a pesar del descanso». 001 (traducción nuestra): «Busque ayuda profesional si el dolor es intenso, empeora o interfiere mucho con el sueño o las actividades diarias».
rule-U5-reading = La fuente 000 pide atención inmediata cuando los síntomas continúan o empeoran a pesar del descanso. Leída al pie de la letra, mandaría a la sala de emergencias cualquier dolor que dure. Seguimos a la fuente 001: el dolor que empeora es urgente (dentro de las 24 horas), y el dolor que solo dura es motivo para pedir una cita (R4, R5).
rule-U6-reason = Usted dijo que no está seguro de una señal de alarma que necesita ayuda de inmediato. Mire y toque ahora sus dos piernas. Si una está hinchada, roja, caliente o le duele, o si le falta el aire o le duele el pecho, llame al { $number }.
rule-U6-sign = no está seguro de si una pierna está hinchada, roja, caliente o le duele, o de si le falta el aire o tiene dolor en el pecho
rule-U6-source = Ninguna: es nuestra decisión de seguridad. No saber nunca baja el consejo por debajo de urgente cuando se trata de una señal de emergencia (E1, E2).
rule-R1-reason = Usted dijo que el dolor le altera mucho el sueño o la vida diaria. Un dolor que altera tanto su sueño o su día es motivo para ver a un médico.
rule-R1-sign = el dolor le altera mucho el sueño o la vida diaria
rule-R1-source = 001 (traducción nuestra): «Busque ayuda profesional si el dolor es intenso, empeora o interfiere mucho con el sueño o las actividades diarias». 000 (traducción nuestra): «Molestia intensa»
rule-R2-reason = Usted dijo que el dolor es intenso. Un dolor de piernas intenso es motivo para ver a un médico.
rule-R2-sign = el dolor es intenso
rule-R2-source = 001 (traducción nuestra): «Busque ayuda profesional si el dolor es intenso, empeora o interfiere mucho con el sueño o las actividades diarias».
rule-R4-reason = Usted dijo que el cuidado en casa no le ha ayudado. Un médico debe revisar el dolor que no mejora después de unos días de cuidado en casa.
rule-R4-sign = el dolor no ha mejorado después de unos días de cuidado en casa, como estiramientos, calor o cambios en su cama
rule-R4-source = 001 (traducción nuestra): «no mejora después de unos días de remedios caseros»; 000 (traducción nuestra): «Dolor persistente: consulte a un profesional de la salud si el dolor de piernas continúa a pesar de los remedios caseros»
rule-R5-reason = Usted dijo que el dolor aparece la mayoría de las noches, que empezó hace una semana o más, y que el cuidado en casa no le ha ayudado o no lo ha probado. Un dolor que vuelve así es motivo para ver a un médico.
rule-R5-sign = el dolor aparece la mayoría de las noches, empezó hace una semana o más, y el cuidado en casa no le ha ayudado o no lo ha probado
rule-R5-source = 000 (traducción nuestra): en sus preguntas frecuentes, «Para el dolor crónico o intenso, se recomienda consultar a un profesional de la salud». 001 (traducción nuestra): «el dolor de piernas ocasional por la noche a menudo se puede tratar en casa», así que el dolor de la mayoría de las noches no es para tratar solo en casa.
rule-R6-reason = Usted tiene al menos uno de estos problemas: diabetes, una enfermedad del corazón o un coágulo de sangre en el pasado. Hable con su médico sobre su dolor de piernas por la noche, para asegurarse de que no sea señal de un problema más grave.
rule-R6-sign = tiene diabetes o una enfermedad del corazón, o ha tenido un coágulo de sangre
rule-R6-source = 000 (traducción nuestra): «Si tiene problemas de salud conocidos, como diabetes o problemas cardiovasculares, hable con su médico sobre el dolor de piernas por la noche»; 001 (traducción nuestra): las personas con «antecedentes de coágulos de sangre deben estar atentas»
rule-R7-reason = Usted dijo que siente ganas de mover las piernas. Esta es la señal principal del síndrome de piernas inquietas (SPI). Si la causa es el SPI, es importante el consejo de un médico.
rule-R7-sign = siente muchas ganas de mover las piernas, que se calman cuando las mueve
rule-R7-source = 000 (traducción nuestra): «Para quienes tienen dolor de piernas por problemas de salud, como el síndrome de piernas inquietas …, el consejo médico profesional es esencial»
rule-R8-reason = Sus respuestas coinciden con señales de arterias de las piernas estrechas (enfermedad arterial periférica, EAP): calambres, dolor, pesadez o cansancio en las piernas, junto con fumar, tomar mucho alcohol, diabetes o una enfermedad del corazón; o piernas pesadas o cansadas la mayoría de las noches. Este problema necesita el consejo de un médico.
rule-R8-sign = tiene calambres, dolor, pesadez o cansancio en las piernas y fuma, toma mucho alcohol, o tiene diabetes o una enfermedad del corazón, o siente las piernas pesadas o cansadas la mayoría de las noches: estas pueden ser señales de arterias de las piernas estrechas (EAP)
rule-R8-source = 000 (traducción nuestra): «Para quienes tienen dolor de piernas por problemas de salud, como el síndrome de piernas inquietas o la enfermedad arterial periférica, el consejo médico profesional es esencial». 001 (traducción nuestra): la EAP causa «calambres, pesadez o cansancio, sobre todo por la noche»; 000 (traducción nuestra): fumar y beber demasiado alcohol «afectan negativamente la circulación», y «Si tiene problemas de salud conocidos, como diabetes o problemas cardiovasculares, hable con su médico sobre el dolor de piernas por la noche»
rule-R9-reason = Usted dijo que no está seguro de tener entumecimiento o adormecimiento (se le duerme), un cambio en la piel o una lesión. Pregunte por eso en su cita. Si lo nota, comuníquese con un médico dentro de las 24 horas: si el consultorio está cerrado, llame a su línea fuera de horario o vaya a un centro de atención de urgencias.
rule-R9-sign = no está seguro de tener entumecimiento o adormecimiento, hormigueo o debilidad, un cambio en la piel o una lesión
rule-R9-source = Ninguna: es nuestra decisión de seguridad. La fuente 001 pide informar estas señales; si no está seguro, un médico lo puede revisar en una cita.
rule-S0-reason = Ninguna de sus respuestas es una señal de alarma, y ninguna apunta a un problema de salud que necesite un médico ahora. El cuidado en casa es un primer paso razonable.
rule-S0-sign = ninguna de las reglas de arriba se aplica a sus respuestas
rule-S0-source = 001 (traducción nuestra): «el dolor de piernas ocasional por la noche a menudo se puede tratar en casa»

## Pasos de cuidado en casa en el resultado (solo en los resultados de cuidado en casa y de cita con el médico)

tip-stretch = Estire con suavidad el músculo adolorido: ponga la pierna recta y lleve los dedos del pie hacia arriba, hacia la espinilla.
tip-massage = Frote con suavidad el músculo adolorido.
tip-warmth = Pruebe con calor, como un baño tibio o una almohadilla eléctrica, para relajar el músculo.
tip-cold = Ponga una bolsa de hielo en una zona adolorida por un rato corto. El frío puede calmar la inflamación y adormecer la zona.
tip-water = Tome suficiente agua durante el día. Tomar muy poca agua puede provocar calambres. Si su médico le dijo que tome menos líquidos, siga lo que le dijo.
tip-move = Cuando llegue el dolor, camine por el cuarto o presione los pies contra el piso.
tip-pain_relief = Un medicamento para el dolor de la farmacia, como ibuprofeno o acetaminofén, puede aliviar el dolor por un rato. Siga las instrucciones del paquete. Si toma un anticoagulante o cualquier otro medicamento, pregunte primero al farmacéutico.
tip-raise_legs = Pregunte en su cita si le ayudaría levantar las piernas cuando se acuesta.
tip-raise_legs-when = Solo en un resultado que dice que pida una cita, y solo cuando las várices son una posible causa.
tip-stretch-name = los estiramientos
tip-massage-name = frotar el músculo
tip-warmth-name = el calor
tip-cold-name = la bolsa de hielo
tip-water-name = tomar más agua
tip-move-name = caminar
tip-pain_relief-name = los medicamentos para el dolor de la farmacia
tip-raise_legs-name = levantar las piernas
tip-massage-withheld-when = Se deja fuera si ha tenido un coágulo de sangre.
tip-warmth-withheld-when = Se deja fuera si tiene entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad, o cambios en la piel (o no lo sabe), una sensación de ardor u hormigueo, o diabetes, o si las arterias de las piernas estrechas (EAP) son una posible causa.
tip-cold-withheld-when = Se deja fuera en los mismos casos que el calor.
tip-water-withheld-when = Se deja fuera si tiene una enfermedad del corazón.
tip-pain_relief-withheld-when = Se deja fuera si ha tenido un coágulo de sangre o tiene una enfermedad del corazón.
tip-raise_legs-withheld-when = Se deja fuera si las arterias de las piernas estrechas (EAP) son una posible causa, o si fuma, tiene diabetes o tiene una enfermedad del corazón. Estar acostado en posición plana ya reduce la sangre que llega a las piernas con arterias estrechas.

## Cuándo nombra la revisión cada posible causa (en /check/how-it-works)

cause-dvt-when = Cuando dice que una de sus piernas está hinchada, roja, caliente o le duele al tocarla, o que no está seguro.
cause-cramps-when = Cuando dice que el dolor se siente como un calambre.
cause-rls-when = Cuando dice que siente ganas de mover las piernas.
cause-nerve_compression-when = Cuando dice que el dolor baja como una descarga desde la parte baja de la espalda o desde la nalga.
cause-neuropathy-when = Cuando dice que siente ardor u hormigueo, o que tiene entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad.
cause-pad-when = Cuando tiene calambres, dolor, pesadez o cansancio en las piernas y fuma, toma mucho alcohol, o tiene diabetes o una enfermedad del corazón; o siente las piernas pesadas o cansadas la mayoría de las noches.
cause-varicose_veins-when = Cuando dice que tiene várices.
cause-arthritis-when = Cuando dice que tiene artritis o articulaciones rígidas y adoloridas.
cause-exertion-when = Cuando pasa muchas horas de pie o hace ejercicio intenso.
cause-dehydration-when = Cuando dice que toma poca agua.
cause-circulation-when = Cuando dice que pasa mucho tiempo sentado sin moverse, que fuma o que toma mucho alcohol.

## Las reglas publicadas (/check/how-it-works)

how-levels = Los cuatro resultados
how-levels-intro = Sus respuestas siempre llevan a uno de estos resultados: el más urgente que pida cualquiera de las reglas.
how-rules = Todas las reglas
how-rules-intro = Cada regla mira sus respuestas. Cuando se aplica, el resultado dice por qué con las palabras de abajo, con un enlace para leer más. La fuente es el pasaje de nuestras fuentes en el que se basa la regla. Algunas reglas son decisiones de seguridad nuestras, y lo decimos.
how-rule-when = Se aplica cuando
how-rule-reason = Lo que dice el resultado
how-rule-source = Fuente
how-rule-more = Leer más
how-rule-reading = Cómo leemos la fuente
how-safety-choice = Nuestra decisión de seguridad
how-safety-choice-rule = Esta regla, o la señal por la que pregunta, no está en las palabras de las fuentes. La decidimos para proteger a las personas.
how-causes = Posibles causas, y cuándo las nombra la revisión
how-causes-intro = Una posible causa es algo para hablar con un médico. Nunca es un diagnóstico.
how-tips = Pasos de cuidado en casa, y cuándo los muestra la revisión
how-tips-intro = Solo los resultados que dicen «Pruebe primero el cuidado en casa» o «Pida una cita con su médico» muestran pasos de cuidado en casa. Un resultado que le dice que busque ayuda ahora o dentro de las 24 horas no muestra ninguno, para que nada le impida recibir atención. Algunos pasos se dejan fuera para algunas personas, por sus respuestas: el resultado los nombra y le pide que pregunte a un médico o al farmacéutico. Dejar fuera un paso es nuestra decisión de seguridad.
how-tip-always = En todo resultado que muestra cuidado en casa.
how-tested = Cómo se prueba la revisión
how-tested-cases = { $cases } casos resueltos: cada uno es una historia corta con sus respuestas y el resultado calculado a mano con las reglas. Cada vez que se construye el sitio, cada caso pasa por el formulario y por la API JSON.
how-tested-coverage = Juntos activan { $rules } de las { $rules_total } reglas, { $causes } de las { $causes_total } posibles causas y { $tips } de los { $tips_total } pasos de cuidado en casa.
how-tested-withheld = Dejan fuera { $withheld } de los { $withheld_total } pasos de cuidado en casa que se pueden dejar fuera para algunas personas.
how-tested-rules = Cada regla, causa y paso de cuidado en casa tiene su propia prueba, con casos que casi lo activan: respuestas que se acercan pero no deben activarlo.
how-tested-properties = Las pruebas de propiedades prueban todas las respuestas posibles a las señales de alarma, y miles de conjuntos al azar de las demás respuestas. Comprueban que «No lo sé» nunca da un resultado menor que no ni mayor que sí; que agregar una señal de alarma, una sensación, un problema de salud, fumar, el alcohol o un dolor que empeora nunca hace que el resultado sea menos urgente; que un sí a una señal de emergencia siempre da el resultado de emergencia, se envíe lo que se envíe; y que el resultado siempre es la regla más urgente que se aplica.
how-tested-browser = Cada resultado también se comprueba en un navegador real, con y sin JavaScript, solo con el teclado y en cuanto a accesibilidad.

## La clínica que usa esta copia del sitio

clinic-your-clinic = Su clínica:
clinic-call = Llame al
clinic-not-instead = En una emergencia, llame primero al { $number }.

## Para clínicas: la lista de enlaces generada

clinics-every-link = Todas las páginas y secciones, listas para copiar
clinics-every-link-intro = Cada dirección de abajo funciona tal como está. Los enlaces a secciones abren la página en ese título. Imprima un código QR para un cartel de la sala de espera o para una hoja informativa.
clinics-to-embed = Para insertar:
clinics-qr-alt = Código QR que abre
clinics-qr-download = Descargar el código QR de
clinics-embed-heading = Inserte la revisión de síntomas o una página
clinics-embed-intro = Pegue esto en su propia página web. La revisión funciona dentro del marco, sin JavaScript; los enlaces se abren en la ventana completa.
clinics-embed-title = Revisión de síntomas del dolor de piernas por la noche
clinics-embed-any = Cualquier página se puede insertar de la misma manera: ponga /embed antes de su ruta, por ejemplo
clinics-codes-heading = Enlaces desde la historia clínica por código de diagnóstico
clinics-codes-intro = Los sistemas de historias clínicas que aceptan enlaces HL7 Infobutton (como los usa MedlinePlus Connect) pueden enviar a los pacientes a la sección correcta según su código ICD-10-CM (CIE-10-MC) o SNOMED CT. Por ejemplo:
clinics-codes-redirect = Sin tipo de respuesta, el enlace abre la sección para que la persona la lea.
clinics-codes-atom = Para recibir un canal Atom con la sección que coincide, agregue
clinics-codes-json = Para recibir lo mismo en JSON, agregue
clinics-codes-spanish = Para las páginas en español, agregue
clinics-codes-display-name = Si no conocemos el código, buscamos el nombre que lo acompaña entre los nombres de nuestras secciones. Envíelo con
clinics-codes-caption = Todos los códigos que usamos y la sección que abre cada uno. Un código que termina en … vale también para todos los códigos que empiezan igual; dos códigos unidos por – valen para todos los códigos que hay entre ellos. Los nombres son los títulos oficiales de cada sistema de códigos, en inglés.
clinics-codes-system = Sistema de códigos
clinics-codes-code = Código
clinics-codes-meaning = Nombre oficial
clinics-codes-opens = Abre

## Páginas de error

error-go-home = Ir a la página de inicio
error-use-check = Usar la revisión de síntomas
error-when-to-get-help = Ver cuándo buscar ayuda
error-not-found-heading = No se encontró la página
error-not-found-message = No pudimos encontrar esa página. Puede que se haya movido, o que la dirección tenga un error de escritura.
error-read-only-heading = Método no permitido
error-read-only-message = Esta página solo se puede leer: no acepta formularios ni archivos.
error-form-only-heading = Método no permitido
error-form-only-message = Esta dirección solo sirve para leer la página o enviar el formulario de la revisión de síntomas.
error-api-only-heading = Método no permitido
error-api-only-message = Esta dirección solo acepta respuestas enviadas con POST en formato JSON.
error-too-large-heading = Sus respuestas eran demasiado grandes para leerlas
error-too-large-message = El formulario envió más de lo que aceptamos. Por favor, vuelva a la revisión de síntomas e inténtelo de nuevo.
error-not-a-form-heading = No pudimos leer sus respuestas
error-not-a-form-message = Las respuestas no se enviaron como las envía un formulario web. Por favor, use el formulario de la revisión de síntomas.
error-not-json-heading = Envíe las respuestas en formato JSON
error-not-json-message = Esta dirección lee respuestas enviadas como application/json, sin comprimir.
error-unreadable-heading = No pudimos leer sus respuestas
error-unreadable-message = Las respuestas no llegaron completas. Por favor, use otra vez el formulario de la revisión de síntomas.
error-timeout-heading = Esto tardó demasiado
error-timeout-message = Sus respuestas tardaron demasiado en llegar. Por favor, revise su conexión y vuelva a hacer la revisión de síntomas.
error-uri-too-long-heading = Dirección demasiado larga
error-uri-too-long-message = Esa dirección web es demasiado larga para que la podamos leer. Por favor, revísela e inténtelo de nuevo.
error-headers-too-large-heading = Solicitud demasiado grande
error-headers-too-large-message = Su navegador envió más información de la que aceptamos. Por favor, inténtelo de nuevo.
error-internal-heading = Algo salió mal
error-internal-message = No pudimos mostrar esta página. Por favor, inténtelo de nuevo.
error-code-system-heading = No aceptamos ese sistema de códigos
error-code-system-message = Los enlaces por código de diagnóstico funcionan con códigos ICD-10-CM y SNOMED CT. La página de causas y la revisión de síntomas todavía pueden ayudarle.
error-code-malformed-heading = Ese no es un código de diagnóstico que podamos leer
error-code-malformed-message = El enlace no tenía un código de diagnóstico en una forma que podamos leer. La página de causas y la revisión de síntomas todavía pueden ayudarle.
error-code-not-found-heading = No hay una página para este código
error-code-not-found-message = No tenemos una página para ese código de diagnóstico. La página de causas y la revisión de síntomas todavía pueden ayudarle.
error-response-type-heading = Ese tipo de respuesta no está disponible
error-response-type-message = Esta dirección responde con una página web, un canal Atom o JSON.

## Los mensajes de la API JSON

api-invalid = Faltan algunas respuestas o no son válidas.
api-malformed = El cuerpo no es JSON válido.
api-missing = Obligatorio: envíe { $expected }
api-not-an-option = Envíe { $expected }
api-wrong-type = Envíe { $expected }, no { $got }
api-duplicate = Envíe este campo una sola vez
api-not-an-object = Envíe un objeto JSON
api-unknown-lang = Envíe uno de estos códigos: { $values }
api-expected-sign = true, false, "yes", "no" o "unsure"
api-expected-one-of = uno de { $values }
api-expected-any-of = un arreglo (array) de cadenas de texto tomadas de { $values }
api-type-null = null
api-type-bool = true o false
api-type-number = un número
api-type-string = una cadena de texto
api-type-array = un arreglo (array)
api-type-object = un objeto

# issue 21: la declaración de accesibilidad

statement-contact-heading = Cómo pedir otro formato o avisar de un problema
statement-contact-clinic = Su clínica tiene esta copia del sitio. Para pedir otro formato, o para avisar de un problema con este sitio, comuníquese con:
clinic-website-of = Sitio web de
statement-contact-site = Para pedir otro formato, o para avisar de un problema con este sitio, escriba a:
statement-contact-none = Esta copia del sitio no tiene una dirección de contacto. Pregunte a la clínica o a la persona que le dio la dirección del sitio.
statement-contact-what = Diga qué página era y qué salió mal, o qué formato necesita.
statement-checked-heading = Cuándo lo revisamos por última vez
statement-checked-before = Revisamos todo el sitio por última vez el
statement-checked-after = . Lo revisamos otra vez cada vez que se revisa una página.
# Lo dicen los lectores de pantalla después del enlace de una palabra a la lista de palabras.
glossary-term-note = lista de palabras
# issue 24: reliability after an outside attack

error-length-required-heading = Sus respuestas llegaron de una forma que no leemos
error-length-required-message = Sus respuestas se enviaron por partes, sin decir su tamaño. Por favor, use el formulario de la revisión de síntomas.
error-too-many-requests-heading = Demasiadas solicitudes
error-too-many-requests-message = Recibimos muchas solicitudes desde su conexión en poco tiempo. Por favor, espere un minuto y vuelva a intentarlo.
error-precondition-failed-heading = Esta página cambió
error-precondition-failed-message = Su navegador pidió una copia de esta página que ya no tenemos. Por favor, vuelva a cargar la página.
error-expectation-failed-heading = No pudimos atender esta solicitud
error-expectation-failed-message = Su navegador pidió algo que no admitimos. Por favor, inténtelo de nuevo o use otro navegador.
error-not-found-json = No encontrado: no hay ningún punto de acceso en esta ruta.
error-api-only-json = Método no permitido: envíe una solicitud POST con un cuerpo JSON (vea la cabecera Allow).
error-too-large-json = Cuerpo de la solicitud demasiado grande: el límite es de 16 KiB.
error-not-json-json = Tipo de contenido no admitido: envíe el cuerpo como application/json, sin Content-Encoding.
error-unreadable-json = El cuerpo de la solicitud no llegó completo.
error-length-required-json = Falta la longitud: envíe el cuerpo con una cabecera Content-Length, no por partes.
error-timeout-json = Tiempo agotado: el cuerpo de la solicitud no llegó a tiempo.
error-uri-too-long-json = URI demasiado larga: la ruta y la consulta pueden tener 2048 bytes como máximo.
error-headers-too-large-json = Cabeceras demasiado grandes: pueden tener 8 KiB como máximo.
error-internal-json = Error interno: la solicitud no se procesó. Inténtelo más tarde.
error-too-many-requests-json = Demasiadas solicitudes de este cliente: espere los segundos que indica la cabecera Retry-After y vuelva a intentarlo.
error-precondition-failed-json = Falló la condición previa: If-Match no coincide con ninguna representación actual de este recurso.
error-expectation-failed-json = Expectativa no cumplida: el único valor de Expect admitido es 100-continue.
# issue 20: search

## The search box in every header, and the search page (/search)

search-label = Buscar en este sitio
search-button = Buscar
search-page-title = Buscar
search-results-title = Resultados de la búsqueda
search-page-description = Busque en la guía sobre el dolor de piernas por la noche, con sus propias palabras.
search-heading = Buscar en esta guía
search-hint = Escriba lo que siente o una palabra que oyó, por ejemplo "calambre en la pantorrilla" o "piernas inquietas".
search-results-heading = Resultados
search-results-intro = Las que mejor coinciden van primero.
search-no-results-heading = Sin resultados
search-no-results = No encontramos una sección para esa búsqueda. Pruebe con otras palabras, o con menos.
search-did-you-mean = ¿Quiso decir
search-did-you-mean-end = ?
search-ways-on-heading = Otras formas de encontrar lo que necesita
search-ways-on-check = Use la revisión de síntomas
search-ways-on-check-hint = Le hace unas preguntas y le dice qué tan pronto buscar ayuda.
search-ways-on-guide = Lea la guía:
search-more-help = ¿No es lo que busca?
search-more-or = o
search-more-guide = lea la guía desde el principio
search-emergency-call = Llame al { $number } ahora
search-emergency-why = Una pierna hinchada, roja, caliente o que duele puede ser señal de un coágulo de sangre en una vena profunda (trombosis venosa profunda, TVP), que puede viajar a los pulmones. La falta de aire (nueva, o mayor de lo habitual para usted) o el dolor en el pecho pueden significar que un coágulo llegó a los pulmones, u otro problema grave.
search-emergency-more = Lea cuándo buscar ayuda ahora
search-api-unknown-lang = Envíe lang como uno de { $values }
# Words in a search that name a warning sign: the emergency card comes before
# the results. One phrase a line; a phrase matches when all its words are in
# the search, in any order, small typing mistakes forgiven.
search-emergency-words =
    coágulo
    trombo
    trombosis
    embolia
    TVP
    DVT
    hinchada
    hinchado
    hinchazón
    pierna inflamada
    pantorrilla inflamada
    pierna roja
    pantorrilla roja
    enrojecida
    pierna caliente
    pecho
    falta aire
    falta aliento
    no puedo respirar
    dificultad para respirar
    cuesta respirar
    ahogo

# Issue 23: list punctuation from the strings, not the code.
# One answer with its hint, in the summary of answers: "Days ago (it started this week)".
summary-answer-with-hint = { $answer } ({ $hint })
# The hints of single-choice answers as the summary of answers writes them,
# after the answer in brackets: "Hace días (en la última semana)".
q-onset-days-summary-hint = en la última semana
q-onset-weeks-summary-hint = hace entre una y cuatro semanas
q-onset-months-summary-hint = hace más de un mes
q-frequency-occasional-summary-hint = algunas veces, pero no la mayoría de las noches
q-sleep_impact-a_lot-summary-hint = le altera mucho el sueño o las actividades del día
# Each source's title, in the source's own language (English) on every page.
source-000-title = Understanding Aching Legs at Night: Causes and Relief
source-001-title = What Causes Leg Pain at Night When Lying Down?
# Cada pregunta tal como se lee dentro de una frase (los mensajes del formulario que piden una respuesta).
q-one_leg_signs-in-sentence = ¿una de sus piernas está hinchada, roja, caliente o le duele al tocarla?
q-breathless-in-sentence = ¿le falta el aire (algo nuevo, o más de lo normal para usted) o tiene dolor en el pecho?
q-numbness-in-sentence = ¿tiene entumecimiento o adormecimiento (se le duerme), hormigueo o debilidad en la pierna o el pie?
q-skin_changes-in-sentence = ¿ha cambiado la piel de su pierna o de su pie?
q-injury-in-sentence = ¿el dolor empezó después de una lesión en la pierna?
q-severity-in-sentence = ¿qué tan fuerte es el dolor?
q-onset-in-sentence = ¿cuándo empezó el dolor?
q-frequency-in-sentence = ¿con qué frecuencia tiene el dolor?
q-course-in-sentence = en los últimos días, ¿cómo ha cambiado el dolor?
q-sleep_impact-in-sentence = ¿cuánto afecta el dolor a su sueño o a su vida diaria?
q-home_care-in-sentence = ¿ha probado el cuidado en casa durante unos días?
q-feelings-in-sentence = ¿cómo se siente el dolor?
q-conditions-in-sentence = ¿tiene alguno de estos problemas de salud?
q-factors-in-sentence = ¿alguna de estas cosas es su caso?
